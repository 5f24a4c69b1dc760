package dev.weft.reports.live;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.read.StreamReader;

import java.time.Instant;

import jdk.jfr.consumer.RecordedEvent;

/**
 * The last N seconds of a running JVM's events in the reports' own model: events go into a
 * {@link ModelBuilder} through the same mapping a file is read with ({@link StreamReader}). Each refresh forgets what
 * ended before the window and copies the rest ({@link #capture()}, on the thread that feeds it: a memory
 * copy); the copy is built into a model elsewhere ({@link Frame#view}), so that reading never waits for
 * it. Memory is bounded by the window, and by {@link #MAX_SPANS}: a window that would hold more is
 * shortened, and lengthened again when the load falls.
 */
public final class LiveWindow {

    /** Spans kept at most: a refresh builds, and a page draws, this many every second. */
    static final long MAX_SPANS = 200_000;
    /** The window never shrinks below this. */
    static final long MIN_WINDOW_NANOS = 2_000_000_000L;
    /** Strings kept at most before the window starts afresh (stack texts, names: they are never forgotten). */
    static final int MAX_STRINGS = 200_000;

    private final long windowNanos;
    private long effectiveNanos;
    private ModelBuilder builder = new ModelBuilder(null);
    private StreamReader reader = new StreamReader(builder);
    private long newest = Long.MIN_VALUE;
    /** Spans in the last model built, told back by whoever built it. */
    private volatile long lastSpans;

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

    /** The window's events now, forgetting what fell out of it; on the thread that feeds the window. */
    public Frame capture() {
        long spans = lastSpans;
        if (spans > MAX_SPANS && effectiveNanos > MIN_WINDOW_NANOS) {
            effectiveNanos = Math.max(MIN_WINDOW_NANOS, effectiveNanos / 2);
        } else if (spans < MAX_SPANS / 4 && effectiveNanos < windowNanos) {
            effectiveNanos = Math.min(windowNanos, effectiveNanos * 2);
        }
        if (builder.strings().size() > MAX_STRINGS) {
            builder = new ModelBuilder(null);
        } else if (newest != Long.MIN_VALUE) {
            builder.forgetBefore(newest - effectiveNanos);
        }
        reader = new StreamReader(builder); // its caches may hold threads just forgotten
        return new Frame(this, builder.copy(), effectiveNanos / 1_000_000L);
    }

    /** A copy of the window, to be built into a view on any thread. */
    public static final class Frame {
        private final LiveWindow window;
        private final ModelBuilder copy;
        private final long windowMillis;

        private Frame(LiveWindow window, ModelBuilder copy, long windowMillis) {
            this.window = window;
            this.copy = copy;
            this.windowMillis = windowMillis;
        }

        /** Builds the model (sorting, merging) and says what its end holds; watched since {@code startMillis}. */
        public LiveView view(long startMillis, long nowMillis) {
            Model m = copy.build();
            window.lastSpans = m.waitSpanCount() + m.workloadSpanCount() + m.wakeCount();
            return new LiveView(m, LiveState.of(m, startMillis, nowMillis), windowMillis);
        }
    }
}
