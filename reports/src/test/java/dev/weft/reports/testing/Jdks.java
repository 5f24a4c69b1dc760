package dev.weft.reports.testing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDKs installed on this machine, found the way build tools find them: {@code JAVA_HOME},
 * {@code JAVAnn_HOME} / {@code JDKnn_HOME} / {@code JAVA_HOME_nn_X64} variables, and the usual install
 * folders (Linux packages, SDKMAN!, IntelliJ, macOS). One per feature version, by its {@code release} file.
 */
public final class Jdks {

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(1\\.)?(\\d+)", Pattern.MULTILINE);
    private static final Pattern HOME_VARIABLE = Pattern.compile("(JAVA|JDK)_?(HOME_)?(\\d+)(_HOME|_X64)?");

    private Jdks() {
    }

    /** Feature version → JDK home, for every JDK found with a {@code java} and a {@code release} file. */
    public static Map<Integer, Path> installed() {
        Map<Integer, Path> found = new TreeMap<>();
        List<Path> candidates = new ArrayList<>();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (e.getKey().equals("JAVA_HOME") || HOME_VARIABLE.matcher(e.getKey()).matches()) {
                candidates.add(Path.of(e.getValue()));
            }
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        String home = System.getProperty("user.home");
        for (String dir : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/opt", "/Library/Java/JavaVirtualMachines",
                home + "/.sdkman/candidates/java", home + "/.jdks")) {
            candidates.addAll(children(Path.of(dir)));
        }
        for (Path c : candidates) {
            for (Path jdk : List.of(c, c.resolve("Contents/Home"))) {
                int version = version(jdk);
                if (version > 0 && Files.isExecutable(jdk.resolve("bin/java"))) {
                    found.putIfAbsent(version, jdk);
                }
            }
        }
        return found;
    }

    private static List<Path> children(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (IOException e) {
            // an unreadable folder holds no JDK we can use
        }
        return out;
    }

    private static int version(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return -1;
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            return m.find() ? Integer.parseInt(m.group(2)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
