package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.testing.PageData;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.render.ViewerPage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording made without the agent: lanes from the JDK's own events, and a note that agent data is missing. */
class NoAgentRecordingTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void aSleepingThreadStillGetsALaneAndTheReportSaysTheAgentIsMissing() throws Exception {
        long[] id = new long[1];
        Path jfr = Recordings.record(dir.resolve("plain.jfr"), false, () -> {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sleeper");
            id[0] = t.threadId();
            t.start();
            t.join();
        });
        Analysis analysis = Reports.analyse(jfr);
        Model model = analysis.model();
        assertFalse(model.hasAgentData());
        assertNull(model.agentStatus());
        assertTrue(analysis.phases().isEmpty());
        ThreadInfo sleeper = model.threads().get(model.indexOf(id[0]));
        assertEquals("sleeper", sleeper.name());
        assertTrue(sleeper.startSeen() && sleeper.endSeen(), "jdk.ThreadStart and jdk.ThreadEnd");
        assertTrue(sleeper.parentId() > 0, "jdk.ThreadStart names the parent of platform threads");
        assertEquals(1, sleeper.waits().size());
        assertEquals("sleep", model.strings().get(sleeper.waits().kind(0)));
        assertEquals("Thread.sleep", model.strings().get(sleeper.waits().api(0)));
        assertTrue(sleeper.waits().end(0) - sleeper.waits().start(0) >= 25_000_000L);
        assertTrue(analysis.notes().get(0).startsWith("Recorded without the Weft agent"));

        Path html = dir.resolve("plain.html");
        ReportSummary summary = Reports.writeHtml(jfr, html);
        assertFalse(summary.agentData());
        assertTrue(summary.toLine().contains("no agent data"));
        String page = Files.readString(html);
        Map<String, Object> data = PageData.of(page);
        assertEquals(Boolean.FALSE, data.get("agentData"));
        assertNull(data.get("agent"));
        assertTrue(((List<String>) data.get("notes")).get(0).contains("without the Weft agent"));
        List<Map<String, Object>> threads = PageData.threads(data);
        assertTrue(threads.stream().anyMatch(t -> "sleeper".equals(t.get("name"))));
        assertTrue(ViewerPage.TIMELINE.text().contains("Recorded without the Weft agent"),
                "the page states it too");
    }
}
