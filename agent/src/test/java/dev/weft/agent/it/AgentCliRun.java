package dev.weft.agent.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code java -jar agent.jar …} run as its own process, as a user types it. */
final class AgentCliRun {

    record Result(int exitCode, String stdout, String stderr) {

        List<String> out() {
            return stdout.lines().toList();
        }

        List<String> err() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private AgentCliRun() { }

    static Result run(String... args) throws Exception {
        return run(ForkedJvm.AGENT_JAR, List.of(), args);
    }

    static Result run(Path agentJar, List<String> jvmArgs, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ForkedJvm.javaBinary());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(agentJar.toString());
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("weft-cli", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("agent.jar " + String.join(" ", args) + " did not end within 120 s");
            }
            return new Result(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
