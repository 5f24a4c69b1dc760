package dev.weft.reports.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * The programs some tests need beside the JDK: Node.js for the viewer's unit tests, Chromium and
 * its chromedriver for the browser tests. Each is looked for the way people have it: a system
 * property or an environment variable naming it, then the PATH, then the places installers use.
 *
 * <p>A missing program is never a silent skip. Under {@code CI=true} it fails the test; elsewhere
 * the test is skipped and a banner on standard error says what was not tested and how to fix it.
 */
public final class ExternalTools {

    /** What was looked for and where: the program, or why there is none. */
    public record Found(String what, Path path, String problem) {
        public boolean present() {
            return path != null;
        }
    }

    private static final Set<String> ANNOUNCED = new HashSet<>();
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");

    private ExternalTools() {
    }

    /** Node.js 18 or newer (for {@code node --test}): {@code -Dweft.node}, {@code WEFT_NODE}, PATH, usual places. */
    public static Found node() {
        Found node = find("node", "weft.node", "WEFT_NODE", List.of("node", "nodejs"),
                List.of("/usr/local/bin/node", "/opt/homebrew/bin/node", "/usr/bin/node", "C:\\Program Files\\nodejs\\node.exe"),
                "install Node.js 18 or newer (Debian: apt-get install nodejs)");
        if (!node.present()) {
            return node;
        }
        BoundedProcess.Result version = BoundedProcess.run(List.of(node.path().toString(), "--version"), Duration.ofSeconds(30));
        Matcher m = Pattern.compile("v(\\d+)\\.").matcher(version.output());
        if (version.exitCode() != 0 || !m.find()) {
            return new Found("node", null, node.path() + " --version failed: " + version.output().strip());
        }
        if (Integer.parseInt(m.group(1)) < 18) {
            return new Found("node", null, node.path() + " is " + version.output().strip() + "; node --test needs 18 or newer");
        }
        return node;
    }

    /** Chromium or Chrome: {@code -Dweft.chromium}, {@code WEFT_CHROMIUM}, PATH, usual places. */
    public static Found chromium() {
        return find("Chromium", "weft.chromium", "WEFT_CHROMIUM",
                List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"),
                List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/snap/bin/chromium", "/opt/google/chrome/chrome",
                        "/Applications/Chromium.app/Contents/MacOS/Chromium",
                        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                        "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"),
                "install it (Debian: apt-get install chromium chromium-driver) or name it with WEFT_CHROMIUM");
    }

    /** The chromedriver matching that browser: {@code -Dweft.chromedriver}, {@code WEFT_CHROMEDRIVER}, PATH, usual places. */
    public static Found chromedriver() {
        return find("chromedriver", "weft.chromedriver", "WEFT_CHROMEDRIVER", List.of("chromedriver", "chromium.chromedriver"),
                List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/usr/lib/chromium-browser/chromedriver",
                        "/snap/bin/chromium.chromedriver", "/usr/local/bin/chromedriver", "/opt/homebrew/bin/chromedriver"),
                "install the driver of the same version as the browser (Debian: apt-get install chromium-driver) "
                        + "or name it with WEFT_CHROMEDRIVER");
    }

    /** Whether this run is CI's, where every test must run ({@code CI=true}, as CI services set it). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Null when every one of {@code tools} is here; else why {@code tests} cannot run, after saying so:
     * under CI this fails the caller, elsewhere a banner on standard error (once per JVM) names what
     * was not tested and how to fix it. The caller then skips its tests with that reason.
     */
    public static String check(String tests, Found... tools) {
        return check(tests, inCi(), System.err, tools);
    }

    /** As above, with the CI flag and the stream for the banner given. */
    static String check(String tests, boolean ci, PrintStream err, Found... tools) {
        List<String> lines = new ArrayList<>();
        for (Found f : tools) {
            if (!f.present()) {
                lines.add(f.what() + ": " + f.problem());
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        String why = tests + " cannot run: " + String.join("; ", lines);
        if (ci) {
            fail("CI=true, so this is a failure, not a skip: " + why);
        }
        synchronized (ANNOUNCED) {
            if (ANNOUNCED.add(tests)) {
                String rule = "[weft] " + "=".repeat(90);
                err.println(rule);
                err.println("[weft] SKIPPED " + tests + " - not tested here:");
                for (String line : lines) {
                    err.println("[weft]   " + line);
                }
                err.println("[weft] (with CI=true this is a test failure)");
                err.println(rule);
            }
        }
        return why;
    }

    /** Skips the calling test (as {@link #check} says) unless every one of {@code tools} is here. */
    public static void require(String tests, Found... tools) {
        String why = check(tests, tools);
        if (why != null) {
            Assumptions.abort(why);
        }
    }

    /**
     * The first executable among: the system property, the environment variable (each, when set, is the
     * only answer: a wrong path there is an error to show, not a reason to look elsewhere), then
     * {@code names} on the PATH, then {@code places}.
     */
    static Found find(String what, String property, String variable, List<String> names, List<String> places, String hint) {
        return find(what, property, variable, System.getenv(), names, places, hint);
    }

    /** As above, with the environment ({@code variable} and {@code PATH}) given. */
    static Found find(String what, String property, String variable, Map<String, String> env, List<String> names,
                      List<String> places, String hint) {
        for (String[] given : new String[][] {{"-D" + property, System.getProperty(property)}, {variable, env.get(variable)}}) {
            if (given[1] != null && !given[1].isBlank()) {
                Path p = path(given[1]);
                return p != null && executable(p) ? new Found(what, p, null)
                        : new Found(what, null, given[0] + "=" + given[1] + " is not an executable file");
            }
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                for (String file : WINDOWS ? List.of(name + ".exe", name) : List.of(name)) {
                    Path p = dir.isEmpty() ? null : path(dir);
                    if (p != null && executable(p.resolve(file))) {
                        return new Found(what, p.resolve(file), null);
                    }
                }
            }
        }
        for (String place : places) {
            Path p = path(place);
            if (p != null && executable(p)) {
                return new Found(what, p, null);
            }
        }
        return new Found(what, null, "not found (looked at -D" + property + ", " + variable + ", " + String.join("/", names)
                + " on the PATH and " + places.size() + " usual places); " + hint);
    }

    private static Path path(String s) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
