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
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.add("-javaagent:" + AGENT_JAR + (agentArgs == null ? "" : "=" + agentArgs));
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(Path.of(System.getProperty("weft.test.classes", "target/test-classes")).toAbsolutePath().toString());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(outDir.toFile());
        pb.redirectError(outDir.resolve("stderr.txt").toFile());
        return pb.start();
    }

    static Result run(Path outDir, String agentArgs, String... args) throws Exception {
        return run(outDir, agentArgs, List.of(), args);
    }

    static Result run(Path outDir, String agentArgs, List<String> jvmArgs, String... args) throws Exception {
        Process p = start(outDir, agentArgs, jvmArgs, FixtureApp.class.getName(), args);
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
