package dev.weft.agent;

import dev.weft.agent.record.WeftRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Runs code under a JFR recording with Weft's settings and returns what was recorded. */
public final class RecordedEvents {

    public interface Action {
        void run() throws Exception;
    }

    private final List<RecordedEvent> events;

    private RecordedEvents(List<RecordedEvent> events) {
        this.events = events;
    }

    public static RecordedEvents during(Action action) throws Exception {
        Path file = Files.createTempFile("weft-test", ".jfr");
        try (Recording r = new Recording(WeftRecording.settings(false))) {
            r.start();
            action.run();
            r.stop();
            r.dump(file);
        }
        try {
            return new RecordedEvents(RecordingFile.readAllEvents(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public List<RecordedEvent> named(String type) {
        return filter(e -> e.getEventType().getName().equals(type));
    }

    public List<RecordedEvent> onThisThread(String type) {
        long me = Thread.currentThread().threadId();
        return filter(e -> e.getEventType().getName().equals(type)
                && e.getThread() != null && e.getThread().getJavaThreadId() == me);
    }

    public List<RecordedEvent> filter(Predicate<RecordedEvent> p) {
        List<RecordedEvent> out = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (p.test(e)) {
                out.add(e);
            }
        }
        return out;
    }
}
