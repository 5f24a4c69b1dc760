package dev.weft.reports.live;

import dev.weft.reports.analyse.Analyser;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.read.StreamReader;

import java.time.Instant;

import jdk.jfr.consumer.RecordedEvent;

/**
 * The last N seconds of a running JVM's events in the reports' own model: events go into a
 * {@link ModelBuilder} through the same mapping a file is read with ({@link StreamReader}); each refresh forgets
 * what ended before the window, builds a model of the rest and analyses it. Memory is bounded by the
 * window, and by {@link #MAX_SPANS}: a window that would hold more is shortened, and lengthened again
 * when the load falls. Not thread-safe: one thread feeds and refreshes it.
 */
public final class LiveWindow {

    /** Spans kept at most (about 60 bytes each in the model, twice that while a refresh copies them). */
    static final long MAX_SPANS = 1_000_000;
    /** The window never shrinks below this. */
    static final long MIN_WINDOW_NANOS = 5_000_000_000L;
    /** Strings kept at most before the window starts afresh (stack texts, names: they are never forgotten). */
    static final int MAX_STRINGS = 200_000;

    private final long windowNanos;
    private long effectiveNanos;
    private ModelBuilder builder = new ModelBuilder(null);
    private StreamReader reader = new StreamReader(builder);
    private long newest = Long.MIN_VALUE;

    public LiveWindow(long windowMillis) {
        this.windowNanos = Math.max(MIN_WINDOW_NANOS, windowMillis * 1_000_000L);
        this.effectiveNanos = windowNanos;
    }

    public void accept(RecordedEvent event) {
        reader.accept(event);
        Instant end = event.getEndTime();
        long nanos = end.getEpochSecond() * 1_000_000_000L + end.getNano();
        if (nanos > newest) {
            newest = nanos;
        }
    }

    /** The window as it is now, forgetting what fell out of it. */
    public LiveView refresh(long startMillis, long nowMillis) {
        if (builder.strings().size() > MAX_STRINGS) {
            builder = new ModelBuilder(null);
        } else if (newest != Long.MIN_VALUE) {
            builder.forgetBefore(newest - effectiveNanos);
        }
        reader = new StreamReader(builder); // its caches may hold threads just forgotten
        Model m = builder.snapshot();
        long spans = m.waitSpanCount() + m.workloadSpanCount() + m.wakeCount();
        if (spans > MAX_SPANS && effectiveNanos > MIN_WINDOW_NANOS) {
            effectiveNanos = Math.max(MIN_WINDOW_NANOS, effectiveNanos / 2);
        } else if (spans < MAX_SPANS / 4 && effectiveNanos < windowNanos) {
            effectiveNanos = Math.min(windowNanos, effectiveNanos * 2);
        }
        return new LiveView(Analyser.analyse(m), LiveState.of(m, startMillis, nowMillis), effectiveNanos / 1_000_000L);
    }
}
