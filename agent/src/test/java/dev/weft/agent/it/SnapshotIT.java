package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code java -jar agent.jar snapshot <pid>} against a JVM that records on: the .jfr and the report
 * of what was recorded so far, a wait still in progress drawn open to the snapshot's end, and the
 * recording going on to its own stop; the JVM and the command on each JDK Weft supports.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class SnapshotIT {

    @TempDir
    Path out;

    @ParameterizedTest
    @MethodSource("dev.weft.testkit.Jdks#required")
    void aSnapshotReportsWhatWasRecordedSoFarAndTheRecordingGoesOn(Jdk jdk) throws Exception {
        try (LiveJvm app = LiveJvm.start(jdk, out, List.of(ForkedJvm.agent("out=" + out)))) {
            String pid = Long.toString(app.pid());
            app.waits();
            app.hold();

            Path html = out.resolve("snaps").resolve("now.html");
            Model model = null;
            // the sample that sees the sleep comes within a second: snapshot until one holds it (bounded)
            for (int attempt = 0; attempt < 15 && (model == null || openSleep(model) == null); attempt++) {
                ChildProcess.Result snap = AgentCliRun.run(jdk, ForkedJvm.AGENT_JAR, List.of(), "snapshot", pid, "-o",
                        html.toString());
                assertEquals(0, snap.exitCode(), snap.toString());
                assertEquals("", snap.stderr());
                assertEquals(2, snap.out().size(), snap.toString());
                assertTrue(snap.out().get(0).contains(" threads ("), snap.toString());
                assertEquals("[weft] snapshot: " + html + "  (jfr: " + out.resolve("snaps").resolve("now.jfr")
                        + "); JVM " + pid + " records on", snap.out().get(1));
                model = Reports.analyse(out.resolve("snaps").resolve("now.jfr")).model();
            }
            ThreadInfo holder = openSleep(model);
            assertTrue(holder != null, "the sleeping thread is drawn open to the end: " + model.threads());
            assertTrue(Files.readString(html, StandardCharsets.UTF_8).contains("live-holder"));
            try (var files = Files.list(out.resolve("snaps"))) {
                assertEquals(List.of("now.html", "now.jfr"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                        "the snapshot's working directory is gone");
            }

            assertTrue(app.isAlive());
            app.release();
            ChildProcess.Result stop = AgentCliRun.run(jdk, ForkedJvm.AGENT_JAR, List.of(), "stop", pid);
            assertEquals(0, stop.exitCode(), stop.toString());
            Path jfr = Path.of(stop.out().get(1).replaceFirst(".*\\(jfr: (.*)\\)$", "$1"));
            ThreadInfo ended = thread(Reports.analyse(jfr).model(), "live-holder");
            assertEquals(1, ended.waits().size(), "the recording went on: the sleep ended in it");
            assertEquals(0, ended.waits().flags(0) & WaitSpans.OPEN);
            assertEquals(0, app.exit(0));
        }
    }

    /** The holder, when its sleep is an open span to the end of the model. */
    private static ThreadInfo openSleep(Model m) {
        ThreadInfo t = thread(m, "live-holder");
        if (t == null || t.waits().size() != 1) {
            return null;
        }
        WaitSpans w = t.waits();
        boolean open = (w.flags(0) & WaitSpans.OPEN) != 0 && w.end(0) == m.end()
                && "sleep".equals(m.strings().get(w.kind(0)));
        return open ? t : null;
    }

    private static ThreadInfo thread(Model m, String name) {
        return m.threads().stream().filter(t -> name.equals(t.name())).findFirst().orElse(null);
    }
}
