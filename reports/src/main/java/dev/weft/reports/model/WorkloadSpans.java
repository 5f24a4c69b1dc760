package dev.weft.reports.model;

/**
 * The workload spans of one thread in primitive columns: start and end (epoch nanoseconds) and
 * the method (a {@link StringTable} id). Sorted by start (outer spans before nested ones) once
 * the model is built.
 */
public final class WorkloadSpans extends SpanTable<WorkloadSpans> {

    private static final int METHOD = 0;
    private static final int STACK = 1;

    WorkloadSpans() {
        super(2, 2);
    }

    void add(long start, long end, int method) {
        add(start, end, method, StringTable.NONE);
    }

    void add(long start, long end, int method, int stack) {
        int row = appendSpan(start, end);
        putInt(METHOD, row, method);
        putInt(STACK, row, stack);
    }

    /** The method as a {@link StringTable} id. */
    public int method(int i) {
        return intAt(METHOD, i);
    }

    /** Where the call was made, its top frames as one {@link StringTable} id, {@code -1} when not recorded. */
    public int stack(int i) {
        return intAt(STACK, i);
    }
}
