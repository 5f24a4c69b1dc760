package dev.weft.testkit;

import java.io.File;
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
 * The JDKs the forked-JVM suites run on: every release Weft supports that the build names in
 * {@code weft.test.jdks.required} (17, 21 and 25), found the way {@code ./weft} and
 * maven-toolchains-plugin find JDKs, never by a path written into the project:
 * <ol>
 *   <li>{@code WEFT_TEST_JDKS} (or {@code -Dweft.test.jdks}): JDK homes separated by the path separator;</li>
 *   <li>{@code JAVA_HOME}, {@code JAVA<N>_HOME} and {@code JDK<N>_HOME} (the latter for a JDK the build's
 *       toolchain discovery must not pick, see {@code .ci/run}), CI runners' {@code JAVA_HOME_<N>_X64}, this
 *       JVM's own home;</li>
 *   <li>{@code ~/.m2/toolchains.xml};</li>
 *   <li>the usual install folders: {@code /usr/lib/jvm}, {@code /usr/java}, {@code /opt/java}, {@code /opt/*jdk*},
 *       SDKMAN!, IntelliJ's {@code ~/.jdks}, macOS's {@code /Library/Java/JavaVirtualMachines}.</li>
 * </ol>
 * Earlier sources win for a release. A release not found fails its tests under {@code CI=true}; elsewhere
 * they are skipped, and this says so on stderr.
 */
public final class Jdks {

    private static final Pattern JAVA_N_HOME = Pattern.compile("J(AVA|DK)(\\d+)_HOME|JAVA_HOME_(\\d+)_[A-Z0-9]+");
    private static final Pattern JDK_HOME_XML = Pattern.compile("<jdkHome>\\s*([^<]+?)\\s*</jdkHome>");
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

    private static List<Jdk> required;

    private Jdks() { }

    /** One entry per required release, found or not: the argument source of every multi-JDK test. */
    public static synchronized List<Jdk> required() {
        if (required == null) {
            Map<Integer, Path> found = discover();
            List<Jdk> list = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String f : System.getProperty("weft.test.jdks.required", "17,21,25").split(",")) {
                int feature = Integer.parseInt(f.strip());
                Path home = found.get(feature);
                list.add(new Jdk(feature, home));
                if (home == null) {
                    missing.add("JDK " + feature);
                }
            }
            if (!missing.isEmpty()) {
                System.err.println("[weft-test] " + String.join(", ", missing) + " not found: "
                        + (Jdk.inCi() ? "their tests FAIL (CI=true)" : "their tests are SKIPPED")
                        + "; found " + found + ". Set WEFT_TEST_JDKS or JDK<N>_HOME.");
            }
            required = List.copyOf(list);
        }
        return required;
    }

    /** The required JDKs that have virtual threads (21 on): for tests of what only they can run. */
    public static List<Jdk> withVirtualThreads() {
        return required().stream().filter(Jdk::hasVirtualThreads).toList();
    }

    /**
     * JDKs older than Weft's minimum (17) that were found: none on most machines. The agent's refusal
     * on such a JVM is otherwise run as a simulation; this says so on stderr.
     */
    public static List<Jdk> older() {
        List<Jdk> old = new ArrayList<>();
        discover().forEach((feature, home) -> {
            if (feature < 17) {
                old.add(new Jdk(feature, home));
            }
        });
        if (old.isEmpty()) {
            System.err.println("[weft-test] no JDK older than 17 found: the agent's refusal below the minimum runs as a"
                    + " simulation only (WEFT_TEST_JDKS may name an old JDK)");
        }
        return old;
    }

    /** The newest required JDK that was found, for suites that run on one JDK only. */
    public static Jdk newest() {
        List<Jdk> all = required();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).found()) {
                return all.get(i);
            }
        }
        return all.get(all.size() - 1);
    }

    /** Feature release → home, first source first. */
    static Map<Integer, Path> discover() {
        Map<Integer, Path> byFeature = new TreeMap<>();
        for (Path candidate : candidates()) {
            Path home = realJdk(candidate);
            if (home == null) {
                continue;
            }
            int feature = feature(home);
            if (feature > 0 && !byFeature.containsKey(feature) && !byFeature.containsValue(home)) {
                byFeature.put(feature, home);
            }
        }
        return byFeature;
    }

    private static List<Path> candidates() {
        List<Path> c = new ArrayList<>();
        String explicit = System.getProperty("weft.test.jdks", System.getenv("WEFT_TEST_JDKS"));
        if (explicit != null) {
            for (String home : explicit.split(File.pathSeparator)) {
                if (!home.isBlank()) {
                    c.add(Path.of(home.strip()));
                }
            }
        }
        Map<String, String> env = new TreeMap<>(System.getenv());
        addIfSet(c, env.get("JAVA_HOME"));
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (JAVA_N_HOME.matcher(e.getKey()).matches()) {
                addIfSet(c, e.getValue());
            }
        }
        c.add(Path.of(System.getProperty("java.home")));
        Path userHome = Path.of(System.getProperty("user.home"));
        c.addAll(toolchains(userHome.resolve(".m2/toolchains.xml")));
        children(c, Path.of("/usr/lib/jvm"), null);
        children(c, Path.of("/usr/java"), null);
        children(c, Path.of("/opt/java"), null);
        children(c, Path.of("/opt"), "jdk");
        children(c, userHome.resolve(".sdkman/candidates/java"), null);
        children(c, userHome.resolve(".jdks"), null);
        List<Path> mac = new ArrayList<>();
        children(mac, Path.of("/Library/Java/JavaVirtualMachines"), null);
        mac.forEach(p -> c.add(p.resolve("Contents/Home")));
        return c;
    }

    private static void addIfSet(List<Path> c, String home) {
        if (home != null && !home.isBlank()) {
            c.add(Path.of(home));
        }
    }

    private static List<Path> toolchains(Path xml) {
        List<Path> homes = new ArrayList<>();
        try {
            if (Files.isRegularFile(xml)) {
                Matcher m = JDK_HOME_XML.matcher(Files.readString(xml));
                while (m.find()) {
                    homes.add(Path.of(m.group(1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable toolchains.xml only means fewer candidates
        }
        return homes;
    }

    /** The entries of {@code dir} (whose names contain {@code nameContains}, if given), in name order. */
    private static void children(List<Path> c, Path dir, String nameContains) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Map<String, Path> sorted = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (nameContains == null || name.contains(nameContains)) {
                    sorted.put(name, p);
                }
            }
        } catch (IOException e) {
            return;
        }
        c.addAll(sorted.values());
    }

    /** The JDK's real home if {@code candidate} is one with a {@code java} and a {@code release} file. */
    private static Path realJdk(Path candidate) {
        try {
            Path home = candidate.toRealPath();
            // a JRE inside an old JDK (jre/) is not what the tests need
            return Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(home.resolve("release"))
                    ? home : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The feature release a JDK's {@code release} file names ({@code JAVA_VERSION="17.0.15"} → 17, "1.8.0" → 8). */
    static int feature(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
