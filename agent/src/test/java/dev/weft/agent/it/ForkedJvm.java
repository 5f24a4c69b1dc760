package dev.weft.agent.it;

import dev.weft.fixture.FixtureApp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs a class in a fresh JVM (the same JDK as the tests) with the real {@code agent.jar}. */
final class ForkedJvm {

    static final Path AGENT_JAR = Path.of(System.getProperty("weft.agent.jar", "target/agent.jar")).toAbsolutePath();

    record Result(int exitCode, String stdout, String stderr, Path outDir) {

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
        return ProcessHandle.current().info().command().orElse("java");
    }

    static Process start(Path outDir, String agentArgs, List<String> jvmArgs, String mainClass, String... args)
            throws IOException {
        List<String> options = new ArrayList<>();
        options.add(agent(agentArgs));
        options.addAll(jvmArgs);
        return startWith(outDir, options, List.of(), mainClass, args);
    }

    /** {@code -javaagent:agent.jar[=args]}, for callers that place the agent among other options themselves. */
    static String agent(String agentArgs) {
        return "-javaagent:" + AGENT_JAR + (agentArgs == null ? "" : "=" + agentArgs);
    }

    /**
     * A JVM with exactly {@code jvmOptions} (the agent only if they name it) and the test classes,
     * followed by {@code classPath}, on the class path.
     */
    static Process startWith(Path outDir, List<String> jvmOptions, List<Path> classPath, String mainClass,
                             String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        StringBuilder cp = new StringBuilder(testClasses().toString());
        for (Path entry : classPath) {
            cp.append(java.io.File.pathSeparatorChar).append(entry.toAbsolutePath());
        }
        cmd.add(cp.toString());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(outDir.toFile());
        pb.redirectError(outDir.resolve("stderr.txt").toFile());
        return pb.start();
    }

    /** Runs the fixture app with exactly these JVM options and extra class path entries, and waits for it. */
    static Result runWith(Path outDir, List<String> jvmOptions, List<Path> classPath, String... args)
            throws Exception {
        return await(startWith(outDir, jvmOptions, classPath, FixtureApp.class.getName(), args), outDir);
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

    static Result run(Path outDir, String agentArgs, String... args) throws Exception {
        return run(outDir, agentArgs, List.of(), args);
    }

    static Result run(Path outDir, String agentArgs, List<String> jvmArgs, String... args) throws Exception {
        return await(start(outDir, agentArgs, jvmArgs, FixtureApp.class.getName(), args), outDir);
    }

    private static Result await(Process p, Path outDir) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("forked JVM did not exit within 120 s");
        }
        return finish(p, out, outDir);
    }

    static Result finish(Process p, String out, Path outDir) throws IOException {
        Path err = outDir.resolve("stderr.txt");
        String stderr = Files.readString(err);
        Files.delete(err);
        return new Result(p.exitValue(), out, stderr, outDir);
    }
}
