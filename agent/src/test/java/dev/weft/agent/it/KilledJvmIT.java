package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.model.Model;
import dev.weft.reports.recover.RecordingMarker;
import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.EventStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * After {@code kill -9} Weft's {@code .jfr} is an empty file and the JVM's JFR repository is left
 * behind: {@code list} names the killed JVM and the command to recover it, and {@code reports.jar}
 * given the empty file renders what the repository holds, saying so.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class KilledJvmIT {

    @TempDir
    Path out;

    /** The killed JVM on each JDK Weft supports: JFR's repository and Weft's marker are each JDK's own. */
    @ParameterizedTest
    @MethodSource("dev.weft.testkit.Jdks#required")
    void aKilledJvmsRepositoryIsFoundAndRendered(Jdk jdk) throws Exception {
        long pid;
        Path jfr;
        try (LiveJvm app = LiveJvm.start(jdk, out, List.of(ForkedJvm.agent("out=" + out)))) {
            pid = app.pid();
            RecordingMarker marker = RecordingMarker.read(RecordingMarker.of(pid)).orElseThrow();
            jfr = marker.jfr();
            assertTrue(Files.isDirectory(marker.repository()), "the marker names JFR's repository: " + marker);
            app.waits();
            awaitFlushed(marker.repository(), app.pid());
            app.kill();
        }
        assertEquals(0, Files.size(jfr), "JFR writes Weft's file at exit, and no exit came");

        ChildProcess.Result list = AgentCliRun.run(jdk, ForkedJvm.AGENT_JAR, List.of(), "list");
        assertTrue(list.err().contains("[weft] JVM " + pid + " was killed while Weft recorded to " + jfr
                + "; recover what it recorded: java -jar reports.jar html " + jfr), list.toString());

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = dev.weft.reports.cli.Main.run(new String[] {"html", jfr.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err);
        Path html = jfr.resolveSibling(jfr.getFileName().toString().replace(".jfr", ".html"));
        Path recovered = jfr.resolveSibling(jfr.getFileName().toString().replace(".jfr", ".recovered.jfr"));
        assertEquals(html.toString(), stdout.toString(StandardCharsets.UTF_8).strip());
        assertTrue(err.startsWith("weft-reports: " + jfr + " is empty: its JVM (pid " + pid + ") was killed before JFR"
                + " wrote it; reading the "), err);
        assertTrue(err.contains("copied to " + recovered), err);
        assertTrue(err.contains("warning: the report shows only part of the recording: "), "said partial: " + err);
        assertTrue(Files.readString(html, StandardCharsets.UTF_8).contains("live-joined"), "the waits reached the report");

        Model m = Reports.analyse(recovered).model();
        assertTrue(m.partial());
        assertTrue(m.threads().stream().anyMatch(t -> "main".equals(t.name()) && t.waits().size() >= 3),
                "main's sleep, latch and join: " + m.threads());
        assertFalse(Files.exists(RecordingMarker.of(pid)), "the marker went with the recovery");
    }

    /**
     * Until the repository holds main's join of the {@code waits} round, its last wait: JFR flushes about
     * once a second, and a thread's events reach the file in order, so the start of {@code live-joined}
     * (committed on main before the join) is there too. Waiting for the latch, as this did, let the kill
     * come before the flush that held the joined thread.
     */
    private static void awaitFlushed(Path repository, long pid) throws Exception {
        CountDownLatch flushed = new CountDownLatch(1);
        try (EventStream stream = EventStream.openRepository(repository)) {
            stream.onEvent("weft.Wait", e -> {
                if ("join".equals(e.getString("kind")) && e.getThread() != null
                        && "main".equals(e.getThread().getJavaName())) {
                    flushed.countDown();
                }
            });
            stream.setStartTime(java.time.Instant.EPOCH);
            stream.startAsync();
            assertTrue(flushed.await(60, TimeUnit.SECONDS), "JVM " + pid + " flushed its recording");
        }
    }
}
