package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;
import dev.weft.testkit.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One fixture run under the real agent on a given JDK, bounded (output to files, so nothing blocks on a
 * pipe; 120 s at most), and its recording analysed: exit code 0, no agent error, nothing alive at exit.
 */
record RealRun(Analysis analysis, String stdout, String stderr) {

    static RealRun of(Jdk jdk, Path dir, String agentOptions, String mainClass, String... args)
            throws Exception {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of(jdk.java(),
                "-javaagent:" + ForkedJvm.AGENT_JAR + "=out=" + dir + ",cache=none"
                        + (agentOptions.isEmpty() ? "" : "," + agentOptions),
                "-cp", ForkedJvm.testClasses().toString(), mainClass));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        String what = jdk + " " + String.join(" ", args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(what + " did not end within 120 s");
        }
        String stdout = Files.readString(dir.resolve("stdout.txt"));
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertEquals(0, p.exitValue(), what + ": " + stderr);
        assertFalse(stderr.contains("could not instrument"), stderr);
        Path jfr;
        try (Stream<Path> files = Files.list(dir)) {
            jfr = files.filter(f -> f.toString().endsWith(".jfr")).findFirst().orElseThrow();
        }
        Analysis a = Reports.analyse(jfr);
        assertTrue(a.model().aliveAtExit().isEmpty(), what + ": nothing is alive at exit: " + a.model().aliveAtExit());
        assertEquals(0L, a.model().agentStatus().suppressedErrors(), what);
        return new RealRun(a, stdout, stderr);
    }
}
