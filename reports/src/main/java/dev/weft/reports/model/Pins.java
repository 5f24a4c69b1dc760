package dev.weft.reports.model;

/**
 * The times one virtual thread was pinned to its carrier while it waited ({@code jdk.VirtualThreadPinned}),
 * in primitive columns: start and end (epoch nanoseconds), the frames that pinned it and the reason the
 * JVM gave ({@link StringTable} ids, {@code -1} when not recorded). Sorted by start once the model is built.
 */
public final class Pins extends SpanTable<Pins> {

    private static final int STACK = 0;
    private static final int REASON = 1;

    Pins() {
        super(2, 2);
    }

    void add(long start, long end, int stack, int reason) {
        int row = appendSpan(start, end);
        putInt(STACK, row, stack);
        putInt(REASON, row, reason);
    }

    /** The frames where the thread was pinned, one a line, as a {@link StringTable} id; {@code -1} if not recorded. */
    public int stack(int i) {
        return intAt(STACK, i);
    }

    /** The JVM's reason (JDK 24+, e.g. "Native or VM frame on stack"), as a {@link StringTable} id; {@code -1} if none. */
    public int reason(int i) {
        return intAt(REASON, i);
    }

    /** Pinned time in total, nanoseconds. */
    public long total() {
        long t = 0;
        for (int i = 0; i < size; i++) {
            t += end(i) - start(i);
        }
        return t;
    }
}
