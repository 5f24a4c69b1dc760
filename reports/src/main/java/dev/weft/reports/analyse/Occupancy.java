package dev.weft.reports.analyse;

import java.util.Arrays;

/**
 * How many threads were in a state at once (in flight, or running), as a step function built from
 * every thread's intervals: the peak and the average over the whole recording or over one phase.
 */
final class Occupancy {

    /** Change times in order, and the count from each time on. */
    private final long[] times;
    private final int[] counts;
    private final long total;

    private Occupancy(long[] times, int[] counts, long total) {
        this.times = times;
        this.counts = counts;
        this.total = total;
    }

    /** Collects intervals of many threads (each thread's own disjoint), in any order. */
    static final class Builder {
        private long[] starts = new long[64];
        private long[] ends = new long[64];
        private int size;

        void add(IntervalSet set) {
            for (int i = 0; i < set.size(); i++) {
                if (size == starts.length) {
                    starts = Arrays.copyOf(starts, size * 2);
                    ends = Arrays.copyOf(ends, size * 2);
                }
                starts[size] = set.start(i);
                ends[size] = set.end(i);
                size++;
            }
        }

        Occupancy build() {
            long[] s = Arrays.copyOf(starts, size);
            long[] e = Arrays.copyOf(ends, size);
            Arrays.sort(s);
            Arrays.sort(e);
            long total = 0;
            for (int i = 0; i < size; i++) {
                total += e[i] - s[i];
            }
            long[] times = new long[2 * size];
            int[] counts = new int[2 * size];
            int n = 0;
            int count = 0;
            int i = 0;
            int j = 0;
            while (i < size || j < size) {
                boolean isEnd = j < size && (i >= size || e[j] <= s[i]);
                long t = isEnd ? e[j++] : s[i++];
                count += isEnd ? -1 : 1;
                if (n > 0 && times[n - 1] == t) {
                    counts[n - 1] = count;
                } else {
                    times[n] = t;
                    counts[n] = count;
                    n++;
                }
            }
            return new Occupancy(Arrays.copyOf(times, n), Arrays.copyOf(counts, n), total);
        }
    }

    /** Thread time in the state, summed over threads. */
    long total() {
        return total;
    }

    /** The most threads in the state at once. */
    int peak() {
        return peak(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** When the peak was first reached, {@code 0} if never. */
    long peakAt() {
        int best = 0;
        long at = 0;
        for (int i = 0; i < times.length; i++) {
            if (counts[i] > best) {
                best = counts[i];
                at = times[i];
            }
        }
        return at;
    }

    /** The most threads in the state at once inside {@code [lo, hi)}. */
    int peak(long lo, long hi) {
        int i = Math.max(0, floor(lo));
        int best = 0;
        for (; i < times.length && times[i] < hi; i++) {
            if (times[i] >= lo || i + 1 >= times.length || times[i + 1] > lo) {
                best = Math.max(best, counts[i]);
            }
        }
        return best;
    }

    /** Time during which at least one thread was in the state. */
    long anyTime() {
        long any = 0;
        for (int i = 0; i + 1 < times.length; i++) {
            if (counts[i] > 0) {
                any += times[i + 1] - times[i];
            }
        }
        return any;
    }

    /** The last change at or before {@code t}, or -1. */
    private int floor(long t) {
        return Sorted.firstAbove(times, 0, times.length, t) - 1;
    }
}
