package dev.weft.reports.model;

import java.util.Arrays;

/**
 * What the model was charged, by the time the charged thing began: where a time prefix that fits a budget
 * ends. A fixed number of buckets that widen (two merged into one) when a time falls outside them, so it
 * takes the same few kilobytes for a second of recording as for a day, at a resolution of a 2048th of it.
 */
final class ChargeHistogram {

    private static final int BUCKETS = 4096;
    private final long[] charges = new long[BUCKETS];
    /** The start of bucket 0; {@code Long.MIN_VALUE} before the first charge. */
    private long origin = Long.MIN_VALUE;
    /** Buckets are {@code 1 << shift} nanoseconds wide: from about a millisecond. */
    private int shift = 20;
    /** The highest bucket charged so far. */
    private int top = -1;

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

    /** Makes room for {@code buckets} more on the left, if the charged ones can move that far. */
    private boolean moveRight(long buckets) {
        if (buckets >= BUCKETS || top + buckets >= BUCKETS) {
            return false;
        }
        int k = (int) buckets;
        System.arraycopy(charges, 0, charges, k, top + 1);
        Arrays.fill(charges, 0, k, 0);
        top += k;
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
     * The latest time before which everything charged comes to at most {@code units}: a bucket's start, or
     * {@code Long.MAX_VALUE} when all of it does.
     */
    long prefixWithin(long units) {
        long sum = 0;
        for (int b = 0; b <= top; b++) {
            sum += charges[b];
            if (sum > units) {
                return origin + ((long) b << shift);
            }
        }
        return Long.MAX_VALUE;
    }
}
