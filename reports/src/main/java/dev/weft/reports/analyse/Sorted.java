package dev.weft.reports.analyse;

/** Searches in arrays of times sorted ascending, the way every per-thread column here is kept. */
final class Sorted {

    private Sorted() {
    }

    /** The first index in {@code [from, to)} whose value is greater than {@code key}; {@code to} when there is none. */
    static int firstAbove(long[] sorted, int from, int to, long key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
