package dev.weft.reports.analyse;

import java.util.Arrays;

/** Disjoint, sorted half-open intervals {@code [start, end)} in primitive storage. */
final class IntervalSet {

    static final IntervalSet EMPTY = new IntervalSet(new long[0], 0);

    private final long[] data;
    private final int size;

    private IntervalSet(long[] data, int size) {
        this.data = data;
        this.size = size;
    }

    /** Collects intervals in start order, merging those that overlap or touch. */
    static final class Builder {
        private static final long[] NO_DATA = {};
        /** Made at the first interval: most threads' builders of some kind stay empty. */
        private long[] data = NO_DATA;
        private int size;

        void add(long start, long end) {
            if (end <= start) {
                return;
            }
            if (size > 0 && start <= data[2 * size - 1]) {
                if (end > data[2 * size - 1]) {
                    data[2 * size - 1] = end;
                }
                return;
            }
            if (2 * size + 2 > data.length) {
                data = Arrays.copyOf(data, Math.max(4, data.length * 2));
            }
            data[2 * size] = start;
            data[2 * size + 1] = end;
            size++;
        }

        /** The last end added, or {@code Long.MIN_VALUE}. */
        long lastEnd() {
            return size == 0 ? Long.MIN_VALUE : data[2 * size - 1];
        }

        IntervalSet build() {
            return size == 0 ? EMPTY : new IntervalSet(data, size);
        }
    }

    int size() {
        return size;
    }

    long start(int i) {
        return data[2 * i];
    }

    long end(int i) {
        return data[2 * i + 1];
    }

    long length() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += data[2 * i + 1] - data[2 * i];
        }
        return n;
    }

    /** Total length inside {@code [lo, hi)}. */
    long overlap(long lo, long hi) {
        if (hi <= lo || size == 0) {
            return 0;
        }
        int i = firstEndingAfter(lo);
        long n = 0;
        for (; i < size && data[2 * i] < hi; i++) {
            n += Math.min(hi, data[2 * i + 1]) - Math.max(lo, data[2 * i]);
        }
        return n;
    }

    /** The parts of this set inside {@code [lo, hi)}. */
    IntervalSet clip(long lo, long hi) {
        Builder b = new Builder();
        for (int i = firstEndingAfter(lo); i < size && data[2 * i] < hi; i++) {
            b.add(Math.max(lo, data[2 * i]), Math.min(hi, data[2 * i + 1]));
        }
        return b.build();
    }

    /** Length of the intersection with {@code other}. */
    long intersection(IntervalSet other) {
        long n = 0;
        int i = 0;
        int j = 0;
        while (i < size && j < other.size) {
            long lo = Math.max(start(i), other.start(j));
            long hi = Math.min(end(i), other.end(j));
            if (hi > lo) {
                n += hi - lo;
            }
            if (end(i) < other.end(j)) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** This set without the parts in {@code other}. */
    IntervalSet minus(IntervalSet other) {
        if (other.size == 0 || size == 0) {
            return this;
        }
        Builder b = new Builder();
        int j = 0;
        for (int i = 0; i < size; i++) {
            long s = start(i);
            long e = end(i);
            while (j < other.size && other.end(j) <= s) {
                j++;
            }
            int k = j;
            while (s < e && k < other.size && other.start(k) < e) {
                if (other.start(k) > s) {
                    b.add(s, other.start(k));
                }
                s = Math.max(s, other.end(k));
                k++;
            }
            if (s < e) {
                b.add(s, e);
            }
        }
        return b.build();
    }

    private int firstEndingAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (data[2 * mid + 1] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
