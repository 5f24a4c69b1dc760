package dev.weft.reports.model;

import java.util.Arrays;

/**
 * The workload spans of one thread in primitive columns: start and end (epoch nanoseconds) and
 * the method (a {@link StringTable} id). Sorted by start (outer spans before nested ones) once
 * the model is built.
 */
public final class WorkloadSpans {

    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private long[] starts = NO_LONGS;
    private long[] ends = NO_LONGS;
    private int[] methods = NO_INTS;
    private int[] stacks = NO_INTS;
    private int size;

    void add(long start, long end, int method) {
        add(start, end, method, StringTable.NONE);
    }

    void add(long start, long end, int method, int stack) {
        if (size == starts.length) {
            int capacity = SpanOrder.grow(size, size + 1);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            methods = Arrays.copyOf(methods, capacity);
            stacks = Arrays.copyOf(stacks, capacity);
        }
        starts[size] = start;
        ends[size] = Math.max(start, end);
        methods[size] = method;
        stacks[size] = stack;
        size++;
    }

    void sortAndTrim() {
        int[] order = SpanOrder.of(starts, ends, size);
        if (order != null) {
            starts = SpanOrder.apply(starts, order);
            ends = SpanOrder.apply(ends, order);
            methods = SpanOrder.apply(methods, order);
            stacks = SpanOrder.apply(stacks, order);
        } else if (starts.length != size) {
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            methods = Arrays.copyOf(methods, size);
            stacks = Arrays.copyOf(stacks, size);
        }
    }

    /** A copy that later additions to either do not reach. */
    WorkloadSpans copy() {
        WorkloadSpans c = new WorkloadSpans();
        c.starts = Arrays.copyOf(starts, size);
        c.ends = Arrays.copyOf(ends, size);
        c.methods = Arrays.copyOf(methods, size);
        c.stacks = Arrays.copyOf(stacks, size);
        c.size = size;
        return c;
    }

    /** Drops the spans that ended before {@code time}, keeping the order of the rest. */
    void retainFrom(long time) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (ends[i] >= time) {
                starts[n] = starts[i];
                ends[n] = ends[i];
                methods[n] = methods[i];
                stacks[n] = stacks[i];
                n++;
            }
        }
        size = n;
    }

    public int size() {
        return size;
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

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
