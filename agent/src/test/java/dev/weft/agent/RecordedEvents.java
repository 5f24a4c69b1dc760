package dev.weft.agent;

import dev.weft.agent.record.WeftRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Runs code under a JFR recording with Weft's settings and returns what was recorded; and the same
 * questions asked of the events a forked JVM recorded.
 */
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
        try {
            try (Recording r = new Recording(WeftRecording.settings(false))) {
                r.start();
                action.run();
                r.stop();
                r.dump(file);
            }
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

    /** The events of {@code type} among {@code all}. */
    public static List<RecordedEvent> named(List<RecordedEvent> all, String type) {
        return all.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
    }

    /** The events of {@code type} recorded on the thread called {@code thread}. */
    public static List<RecordedEvent> onThread(List<RecordedEvent> all, String type, String thread) {
        return named(all, type).stream()
                .filter(e -> e.getThread() != null && thread.equals(e.getThread().getJavaName())).toList();
    }

    /** How many Weft wait spans of each kind the thread called {@code thread} has. */
    public static Map<String, Long> waitKinds(List<RecordedEvent> all, String thread) {
        return onThread(all, "weft.Wait", thread).stream()
                .collect(Collectors.groupingBy(e -> e.getString("kind"), Collectors.counting()));
    }
}
