package dev.weft.reports.model;

/**
 * The workload spans of one thread in primitive columns: start and end (epoch nanoseconds) and
 * the method (a {@link StringTable} id). Sorted by start (outer spans before nested ones) once
 * the model is built.
 */
public final class WorkloadSpans extends ColumnTable<WorkloadSpans> {

    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private long[] starts = NO_LONGS;
    private long[] ends = NO_LONGS;
    private int[] methods = NO_INTS;
    private int[] stacks = NO_INTS;

    void add(long start, long end, int method) {
        add(start, end, method, StringTable.NONE);
    }

    void add(long start, long end, int method, int stack) {
        if (size == starts.length) {
            grow();
        }
        starts[size] = start;
        ends[size] = Math.max(start, end);
        methods[size] = method;
        stacks[size] = stack;
        size++;
    }

    @Override
    Object[] columns() {
        return new Object[] {starts, ends, methods, stacks};
    }

    @Override
    void columns(Object[] c) {
        starts = (long[]) c[0];
        ends = (long[]) c[1];
        methods = (int[]) c[2];
        stacks = (int[]) c[3];
    }

    @Override
    WorkloadSpans empty() {
        return new WorkloadSpans();
    }

    public long start(int i) {
        return starts[check(i)];
    }

    public long end(int i) {
        return ends[check(i)];
    }

    /** The method as a {@link StringTable} id. */
    public int method(int i) {
        return methods[check(i)];
    }

    /** Where the call was made, its top frames as one {@link StringTable} id, {@code -1} when not recorded. */
    public int stack(int i) {
        return stacks[check(i)];
    }
}
