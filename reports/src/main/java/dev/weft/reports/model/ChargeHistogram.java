package dev.weft.reports.model;

import java.util.Arrays;

/**
 * What the model holds, charged by the time each thing began: what to give back, latest first, when
 * something earlier needs the room. A fixed number of buckets that widen (two merged into one) when a time
 * falls outside them, so it takes the same few kilobytes for a second of recording as for a day, at a
 * resolution of a 2048th of it.
 */
final class ChargeHistogram {

    private static final int BUCKETS = 4096;
    private final long[] charges = new long[BUCKETS];
    /** The start of bucket 0; {@code Long.MIN_VALUE} before the first charge. */
    private long origin = Long.MIN_VALUE;
    /** Buckets are {@code 1 << shift} nanoseconds wide: from 16 microseconds (a burst of thread starts). */
    private int shift = 14;
    /** The highest bucket that holds a charge; -1: none. */
    private int top = -1;
    private long removedFrom = Long.MAX_VALUE;

    void add(long time, long units) {
        if (origin == Long.MIN_VALUE) {
            // room on both sides: JFR writes events by thread buffer, not by time
            origin = time - ((long) BUCKETS / 4 << shift);
        }
        while (true) {
            long offset = time - origin;
            if (offset >= 0 && offset >>> shift < BUCKETS) {
                int b = (int) (offset >>> shift);
                charges[b] += units;
                top = Math.max(top, b);
                return;
            }
            if (offset < 0 && !moveRight((-offset + (1L << shift) - 1) >>> shift)) {
                widen();
            } else if (offset >= 0) {
                widen();
            }
        }
    }

    /** All that is charged. */
    long total() {
        long sum = 0;
        for (int b = 0; b <= top; b++) {
            sum += charges[b];
        }
        return sum;
    }

    /** Takes back {@code units} charged at {@code time} (they moved to another time). */
    void remove(long time, long units) {
        long offset = time - origin;
        if (origin == Long.MIN_VALUE || offset < 0 || offset >>> shift >= BUCKETS) {
            return; // never charged here
        }
        int b = (int) (offset >>> shift);
        charges[b] = Math.max(0, charges[b] - units);
        while (top >= 0 && charges[top] == 0) {
            top--;
        }
    }

    /** Makes room for {@code buckets} more on the left, if the charged ones can move that far. */
    private boolean moveRight(long buckets) {
        if (buckets >= BUCKETS || top + buckets >= BUCKETS) {
            return false;
        }
        int k = (int) buckets;
        if (top >= 0) {
            System.arraycopy(charges, 0, charges, k, top + 1);
            Arrays.fill(charges, 0, k, 0);
            top += k;
        }
        origin -= (long) k << shift;
        return true;
    }

    private void widen() {
        for (int i = 0; i < BUCKETS / 2; i++) {
            charges[i] = charges[2 * i] + charges[2 * i + 1];
        }
        Arrays.fill(charges, BUCKETS / 2, BUCKETS, 0);
        top = top < 0 ? -1 : top / 2;
        shift++;
    }

    /**
     * Removes the latest charges, a bucket at a time, until {@code need} units are freed or none are left in
     * buckets wholly after {@code time}'s; returns the units removed. {@link #removedFrom} is then the start of
     * the last bucket removed: everything charged from there on is gone.
     */
    long removeAfter(long time, long need) {
        removedFrom = Long.MAX_VALUE;
        long offset = time - origin;
        int floor = origin == Long.MIN_VALUE ? BUCKETS : offset < 0 ? -1 : offset >>> shift >= BUCKETS ? BUCKETS
                : (int) (offset >>> shift);
        long freed = 0;
        while (top > floor && freed < need) {
            freed += charges[top];
            charges[top] = 0;
            removedFrom = origin + ((long) top << shift);
            do {
                top--;
            } while (top >= 0 && charges[top] == 0);
        }
        return freed;
    }

    /** Where {@link #removeAfter} stopped: the start of the last bucket it removed; {@code Long.MAX_VALUE}: none. */
    long removedFrom() {
        return removedFrom;
    }
}
