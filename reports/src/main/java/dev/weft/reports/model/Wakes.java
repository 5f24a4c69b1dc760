package dev.weft.reports.model;

import java.util.Arrays;

/**
 * The wakes one thread performed (it released another thread from a wait), in primitive
 * columns: time (epoch nanoseconds), woken thread id ({@code -1} if unknown), blocker identity
 * hash and how ({@link StringTable} id).
 */
public final class Wakes {

    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private long[] times = NO_LONGS;
    private long[] woken = NO_LONGS;
    private int[] blockerIds = NO_INTS;
    private int[] hows = NO_INTS;
    private int size;

    void add(long time, long wokenThread, int blockerId, int how) {
        if (size == times.length) {
            int capacity = SpanOrder.grow(size, size + 1);
            times = Arrays.copyOf(times, capacity);
            woken = Arrays.copyOf(woken, capacity);
            blockerIds = Arrays.copyOf(blockerIds, capacity);
            hows = Arrays.copyOf(hows, capacity);
        }
        times[size] = time;
        woken[size] = wokenThread;
        blockerIds[size] = blockerId;
        hows[size] = how;
        size++;
    }

    void sortAndTrim() {
        int[] order = SpanOrder.of(times, times, size);
        if (order != null) {
            times = SpanOrder.apply(times, order);
            woken = SpanOrder.apply(woken, order);
            blockerIds = SpanOrder.apply(blockerIds, order);
            hows = SpanOrder.apply(hows, order);
        } else if (times.length != size) {
            times = Arrays.copyOf(times, size);
            woken = Arrays.copyOf(woken, size);
            blockerIds = Arrays.copyOf(blockerIds, size);
            hows = Arrays.copyOf(hows, size);
        }
    }

    /** A copy that later additions to either do not reach. */
    Wakes copy() {
        Wakes c = new Wakes();
        c.times = Arrays.copyOf(times, size);
        c.woken = Arrays.copyOf(woken, size);
        c.blockerIds = Arrays.copyOf(blockerIds, size);
        c.hows = Arrays.copyOf(hows, size);
        c.size = size;
        return c;
    }

    /** Drops the wakes before {@code time}, keeping the order of the rest. */
    void retainFrom(long time) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (times[i] >= time) {
                times[n] = times[i];
                woken[n] = woken[i];
                blockerIds[n] = blockerIds[i];
                hows[n] = hows[i];
                n++;
            }
        }
        size = n;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return times[check(i)];
    }

    public long woken(int i) {
        return woken[check(i)];
    }

    public int blockerId(int i) {
        return blockerIds[check(i)];
    }

    public int how(int i) {
        return hows[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
