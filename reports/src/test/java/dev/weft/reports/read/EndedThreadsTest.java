package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.Model;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Path;
import java.util.List;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wait may name a thread that ended before the chunk it lands in began: a join of a thread that ran in
 * chunks {@code maxsize} has since dropped. JFR pools only threads that are alive, so the chunk holds no
 * constant for it, and the JDK's own parser reads the field as none. That is a sound recording, not a damaged one.
 */
class EndedThreadsTest {

    @TempDir
    Path dir;

    @Test
    void aJoinOfAThreadThatEndedBeforeTheRecordingIsNotDamage() throws Exception {
        Thread ended = new Thread(() -> { }, "ended-before");
        ended.start();
        ended.join();
        Path jfr = Recordings.record(dir.resolve("ended.jfr"), true, () ->
                WeftEvents.await("join", "java.lang.Thread.join", ended, ended, ended::join));

        // the premise: the file holds no constant for the ended thread (otherwise this test could not fail)
        List<RecordedEvent> waits = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals(WeftSchema.Wait.NAME)).toList();
        assertEquals(1, waits.size());
        assertNull(waits.get(0).getThread("targetThread"), "JFR pools no thread that has ended");

        Model model = dev.weft.reports.read.JfrReader.read(jfr);
        assertFalse(model.partial(), "a sound recording: " + model.partialReason());
        assertTrue(model.waitSpanCount() >= 1, "the join is kept");
    }
}
