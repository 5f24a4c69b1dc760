package dev.weft.reports.model;

import java.util.Arrays;

/**
 * The growth, ordering, trimming and copying shared by the span containers ({@link WaitSpans},
 * {@link WorkloadSpans}, {@link Pins}, {@link Wakes}), on their columns as one {@code Object[]}: each a
 * {@code long[]}, {@code int[]} or {@code byte[]} of equal length, changed alike.
 */
final class Columns {

    private Columns() {
    }

    /** The columns, full at {@code size} rows, grown to take more. */
    static Object[] grown(Object[] columns, int size) {
        return resized(columns, SpanOrder.grow(size, size + 1));
    }

    /**
     * The first {@code size} rows ordered by {@code starts} ascending, then {@code ends} descending, in
     * arrays of exactly {@code size}; {@code columns} itself when already so. {@code starts} and {@code ends}
     * are among {@code columns}.
     */
    static Object[] sortedAndTrimmed(Object[] columns, long[] starts, long[] ends, int size) {
        int[] order = SpanOrder.of(starts, ends, size);
        if (order != null) {
            Object[] out = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                out[c] = permuted(columns[c], order);
            }
            return out;
        }
        return starts.length == size ? columns : resized(columns, size);
    }

    /** New arrays of the first {@code size} rows: later additions to either side do not reach the other. */
    static Object[] copy(Object[] columns, int size) {
        return resized(columns, size);
    }

    /**
     * Moves the rows whose {@code key} is at least {@code time} to the front, keeping their order, and
     * returns how many they are. {@code key} is one of {@code columns}.
     */
    static int retainFrom(Object[] columns, long[] key, long time, int size) {
        int n = 0;
        int i = 0;
        while (i < size) {
            if (key[i] < time) {
                i++;
                continue;
            }
            int from = i;
            while (i < size && key[i] >= time) {
                i++;
            }
            if (from != n) {
                for (Object column : columns) {
                    System.arraycopy(column, from, column, n, i - from);
                }
            }
            n += i - from;
        }
        return n;
    }

    private static Object[] resized(Object[] columns, int length) {
        Object[] out = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            Object column = columns[c];
            if (column instanceof long[] longs) {
                out[c] = Arrays.copyOf(longs, length);
            } else if (column instanceof int[] ints) {
                out[c] = Arrays.copyOf(ints, length);
            } else {
                out[c] = Arrays.copyOf((byte[]) column, length);
            }
        }
        return out;
    }

    private static Object permuted(Object column, int[] order) {
        if (column instanceof long[] longs) {
            return SpanOrder.apply(longs, order);
        }
        if (column instanceof int[] ints) {
            return SpanOrder.apply(ints, order);
        }
        return SpanOrder.apply((byte[]) column, order);
    }
}
