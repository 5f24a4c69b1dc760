package dev.weft.agent.it;

import dev.weft.fixture.FixtureApp;
import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordingFile;

/**
 * Runs the fixture in a fresh JVM with the real {@code agent.jar}: on the JDK the tests run on, or on
 * any {@link Jdk}. Every run is bounded ({@link ChildProcess}) and weaves into a cache of the build's
 * own, never the user's.
 */
final class ForkedJvm {

    static final Path AGENT_JAR = Path.of(System.getProperty("weft.agent.jar", "target/agent.jar")).toAbsolutePath();

    /** The JDK these tests run on. */
    static final Jdk TEST_JDK = new Jdk(Runtime.version().feature(), Path.of(System.getProperty("java.home")));

    /** The weaving cache of every run that names none: temporary, in the build's own directory. */
    private static final Path IT_CACHE = Path.of(System.getProperty("weft.it.cache", "target/it-cache")).toAbsolutePath();

    /** The oldest class file the fixture may be: Java 17's, for the tests run it on every JDK. */
    private static final int JAVA17_CLASS_FILE = 61;

    record Result(int exitCode, String stdout, String stderr, Path outDir) {

        static Result of(ChildProcess.Result r, Path outDir) {
            return new Result(r.exitCode(), r.stdout(), r.stderr(), outDir);
        }

        List<String> weftLines() {
            return stderr.lines().filter(l -> l.startsWith("[weft]")).toList();
        }

        Path only(String suffix) throws IOException {
            try (Stream<Path> files = Files.list(outDir)) {
                List<Path> matches = files.filter(p -> p.toString().endsWith(suffix)).toList();
                if (matches.size() != 1) {
                    throw new AssertionError("expected one " + suffix + " in " + outDir + ", found " + matches
                            + "\nstderr:\n" + stderr);
                }
                return matches.get(0);
            }
        }
    }

    private ForkedJvm() { }

    static String javaBinary() {
        return TEST_JDK.java();
    }

    /**
     * {@code -javaagent:agent.jar[=args]}, for callers that place the agent among other options themselves;
     * with the build's weaving cache unless {@code agentArgs} name one.
     */
    static String agent(String agentArgs) {
        String args = agentArgs == null || agentArgs.isEmpty() ? "" : agentArgs;
        if (!args.equals("help") && !args.contains("cache=")) {
            args = args + (args.isEmpty() ? "" : ",") + "cache=" + IT_CACHE;
        }
        return "-javaagent:" + AGENT_JAR + "=" + args;
    }

    /** Starts {@code mainClass} of the test classes on {@code jdk}, with the agent and {@code jvmArgs}. */
    static ChildProcess start(Jdk jdk, Path outDir, String agentArgs, List<String> jvmArgs, String mainClass,
                              String... args) throws IOException {
        List<String> options = new ArrayList<>();
        options.add(agent(agentArgs));
        options.addAll(jvmArgs);
        return startWith(jdk, outDir, options, List.of(), mainClass, args);
    }

    /**
     * A JVM with exactly {@code jvmOptions} (the agent only if they name it) and the test classes,
     * followed by {@code classPath}, on the class path.
     */
    static ChildProcess startWith(Jdk jdk, Path outDir, List<String> jvmOptions, List<Path> classPath,
                                  String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        StringBuilder cp = new StringBuilder(testClasses().toString());
        for (Path entry : classPath) {
            cp.append(java.io.File.pathSeparatorChar).append(entry.toAbsolutePath());
        }
        cmd.add(cp.toString());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ChildProcess child = ChildProcess.start(new ProcessBuilder(cmd).directory(outDir.toFile()));
        child.closeStdin();
        return child;
    }

    /** Runs the fixture app with exactly these JVM options and extra class path entries, and waits for it. */
    static Result runWith(Path outDir, List<String> jvmOptions, List<Path> classPath, String... args)
            throws IOException {
        try (ChildProcess child = startWith(TEST_JDK, outDir, jvmOptions, classPath, FixtureApp.class.getName(), args)) {
            return Result.of(child.await(ChildProcess.DEFAULT_TIMEOUT), outDir);
        }
    }

    static Path testClasses() {
        return Path.of(System.getProperty("weft.test.classes", "target/test-classes")).toAbsolutePath();
    }

    /** A file the build put into target/it-libs for these tests (see the agent's pom). */
    static Path itLib(String name) {
        Path lib = Path.of(System.getProperty("weft.it.libs", "target/it-libs")).toAbsolutePath().resolve(name);
        if (!Files.isRegularFile(lib)) {
            throw new IllegalStateException(lib + " is missing: run the tests through Maven (mvn verify)");
        }
        return lib;
    }

    static Result run(Path outDir, String agentArgs, String... args) throws IOException {
        return run(TEST_JDK, outDir, agentArgs, args);
    }

    static Result run(Jdk jdk, Path outDir, String agentArgs, String... args) throws IOException {
        try (ChildProcess child = start(jdk, outDir, agentArgs, List.of(), FixtureApp.class.getName(), args)) {
            return Result.of(child.await(ChildProcess.DEFAULT_TIMEOUT), outDir);
        }
    }

    /**
     * Fails at once, and says why, if the fixture was compiled for a newer Java than 17 (a build
     * directory left over from before the fixture's own compiler execution): on 17 it would not load.
     */
    static void assertFixtureRunsOnJava17() throws IOException {
        for (String type : new String[] {"FixtureApp", "Catalogue", "LiveApp"}) {
            try (InputStream in = Files.newInputStream(testClasses().resolve("dev/weft/fixture/" + type + ".class"))) {
                byte[] header = in.readNBytes(8);
                int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
                if (major > JAVA17_CLASS_FILE) {
                    throw new AssertionError("dev.weft.fixture." + type + " is class file version " + major
                            + ", not Java 17's " + JAVA17_CLASS_FILE + ": stale test classes, run mvn clean verify");
                }
            }
        }
    }

    /** The run wrote a .jfr with Weft's events and the HTML report, and said where in its last line. */
    static void assertWritten(Result r) throws Exception {
        Path jfr = r.only(".jfr");
        if (Files.size(jfr) == 0 || RecordingFile.readAllEvents(jfr).stream()
                .noneMatch(e -> e.getEventType().getName().equals("weft.AgentStatus"))) {
            throw new AssertionError("the .jfr lacks Weft's events: " + jfr + "\nstderr:\n" + r.stderr());
        }
        Path html = r.only(".html");
        List<String> lines = r.weftLines();
        if (Files.size(html) == 0 || lines.isEmpty() || !lines.get(lines.size() - 1).contains("report: ")
                || !lines.get(lines.size() - 1).contains(html.getFileName().toString())) {
            throw new AssertionError("no report line naming " + html + " last:\n" + r.stderr());
        }
    }
}
