package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.Model;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema the agent writes and the reader reads: the test events match it, and a recording whose
 * agent event lacks a field the schema names is read with a warning, by both parsers, not silently.
 */
class WeftSchemaTest {

    @TempDir
    Path dir;

    @Test
    void theTestEventsAreTheSchemaExactly() {
        Set<String> names = new TreeSet<>();
        for (Class<? extends Event> type : Recordings.WEFT) {
            EventType t = EventType.getEventType(type);
            assertEquals(List.of(), WeftSchema.mismatches(t), t.getName());
            names.add(t.getName());
        }
        assertEquals(new TreeSet<>(WeftSchema.events().keySet()), names);
    }

    /** The agent's wait as it would be with one field renamed on the agent's side only. */
    @Name(WeftSchema.Wait.NAME)
    @StackTrace(false)
    static final class RenamedWait extends Event {
        String kind;
        String apiName;
        Class<?> blockerClass;
        int blockerId;
        Thread targetThread;
        boolean timed;
        String detail;
    }

    @Test
    void aRenamedFieldIsAMismatch() {
        List<String> problems = WeftSchema.mismatches(EventType.getEventType(RenamedWait.class));
        assertEquals(List.of("weft.Wait has no field api", "weft.Wait has a field apiName the schema does not know"),
                problems);
    }

    @Test
    void aRecordingWithARenamedFieldIsReadWithAWarningByBothParsers() throws Exception {
        Path jfr = dir.resolve("renamed.jfr");
        try (Recording r = new Recording()) {
            r.enable(RenamedWait.class).withThreshold(Duration.ZERO);
            r.enable(WeftEvents.ThreadStart.class);
            r.start();
            RenamedWait w = new RenamedWait();
            w.begin();
            w.kind = "sleep";
            w.apiName = "Thread.sleep";
            w.commit();
            r.stop();
            r.dump(jfr);
        }
        for (JfrReader.Parser parser : JfrReader.Parser.values()) {
            Model m = JfrReader.read(jfr, StallGuard.DEFAULT_STALL_NANOS, parser);
            assertTrue(m.warnings().stream().anyMatch(w -> w.startsWith("weft.Wait has no field api:")),
                    parser + ": " + m.warnings());
        }
    }
}
