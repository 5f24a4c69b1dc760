package dev.weft.agent.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.AgentHealth;
import dev.weft.boot.Recorder;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentStatusEventTest {

    @Test
    void theStatusNamesEachTypeNotInstrumentedAndTheFirstSuppressedErrorWithItsStack(@TempDir Path dir) throws Exception {
        AgentHealth health = new AgentHealth();
        health.instrumented("java.lang.Object");
        health.instrumented("java.lang.Thread");
        health.failed("java.lang.Thread", new ClassFormatError("refused on purpose"));
        health.failed("java.util.concurrent.Phaser", new IllegalStateException("cannot weave"));
        // the first Throwable this JVM's advice ever swallowed: ours, unless another test came first
        Recorder.suppressed(new IllegalStateException("thrown inside advice"));

        Path jfr = dir.resolve("status.jfr");
        Recording r = WeftRecording.start(jfr, false, 0, 0, health, "verbose", "", null);
        r.stop();
        WeftRecording.removeHooks();
        r.close();

        List<RecordedEvent> status = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("weft.AgentStatus")).toList();
        RecordedEvent last = status.get(status.size() - 1);
        assertEquals(1, last.getInt("instrumentedTypes"), "a refused type is not instrumented");
        assertEquals(2, last.getInt("transformErrors"));
        assertEquals("java.lang.Thread (java.lang.ClassFormatError: refused on purpose); "
                + "java.util.concurrent.Phaser (java.lang.IllegalStateException: cannot weave)", last.getString("failedTypes"));
        String first = last.getString("firstSuppressedError");
        assertEquals(AgentHealth.stackText(Recorder.firstSuppressed()), first);
        assertTrue(first.startsWith(Recorder.firstSuppressed().toString()) && first.contains("\n\tat "), first);
    }
}
