package dev.weft.reports.model;

/**
 * The times one virtual thread was pinned to its carrier while it waited ({@code jdk.VirtualThreadPinned}),
 * in primitive columns: start and end (epoch nanoseconds), the frames that pinned it and the reason the
 * JVM gave ({@link StringTable} ids, {@code -1} when not recorded). Sorted by start once the model is built.
 */
public final class Pins extends ColumnTable<Pins> {

    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private long[] starts = NO_LONGS;
    private long[] ends = NO_LONGS;
    private int[] stacks = NO_INTS;
    private int[] reasons = NO_INTS;

    void add(long start, long end, int stack, int reason) {
        if (size == starts.length) {
            grow();
        }
        starts[size] = start;
        ends[size] = Math.max(start, end);
        stacks[size] = stack;
        reasons[size] = reason;
        size++;
    }

    @Override
    Object[] columns() {
        return new Object[] {starts, ends, stacks, reasons};
    }

    @Override
    void columns(Object[] c) {
        starts = (long[]) c[0];
        ends = (long[]) c[1];
        stacks = (int[]) c[2];
        reasons = (int[]) c[3];
    }

    @Override
    Pins empty() {
        return new Pins();
    }

    public long start(int i) {
        return starts[i];
    }

    public long end(int i) {
        return ends[i];
    }

    /** The frames where the thread was pinned, one a line, as a {@link StringTable} id; {@code -1} if not recorded. */
    public int stack(int i) {
        return stacks[i];
    }

    /** The JVM's reason (JDK 24+, e.g. "Native or VM frame on stack"), as a {@link StringTable} id; {@code -1} if none. */
    public int reason(int i) {
        return reasons[i];
    }

    /** Pinned time in total, nanoseconds. */
    public long total() {
        long t = 0;
        for (int i = 0; i < size; i++) {
            t += ends[i] - starts[i];
        }
        return t;
    }
}
