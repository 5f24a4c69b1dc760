package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.Model;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording whose limits dropped its oldest data says, from weft.AgentStatus, what it still covers. */
class RecordingLimitsTest {

    @TempDir
    Path dir;

    @Test
    void theReportSaysItCoversOnlyTheLastPartWhenTheLimitsDroppedTheRest() throws Exception {
        long started = System.currentTimeMillis() - 7L * 24 * 3_600_000;
        Path jfr = Recordings.record(dir.resolve("week.jfr"), true, () -> {
            WeftEvents.AgentStatus s = new WeftEvents.AgentStatus();
            s.version = "test";
            s.recordingStart = started;
            s.maxSize = 250L << 20;
            s.commit();
        });
        Model m = Reports.analyse(jfr).model();
        List<String> covers = m.warnings().stream().filter(w -> w.startsWith("the recording covers only the last ")).toList();
        assertEquals(1, covers.size(), m.warnings().toString());
        assertTrue(covers.get(0).endsWith(" of 7.0 days: older data was dropped by maxsize=250 MB"), covers.get(0));
        assertEquals(250L << 20, m.limits().maxSizeBytes());

        Path whole = Recordings.record(dir.resolve("whole.jfr"), true, () -> {
            WeftEvents.AgentStatus s = new WeftEvents.AgentStatus();
            s.recordingStart = System.currentTimeMillis();
            s.commit();
        });
        assertTrue(Reports.analyse(whole).model().warnings().stream().noneMatch(w -> w.contains("covers only")));
    }
}
