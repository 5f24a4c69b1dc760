package dev.weft.reports.model;

/** Stable ordering of span columns by start ascending, then end descending (outer before inner). */
final class SpanOrder {

    private SpanOrder() {
    }

    /** The permutation that sorts the first {@code n} spans, or {@code null} if already sorted. */
    static int[] of(long[] starts, long[] ends, int n) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = compare(starts, ends, i - 1, i) <= 0;
        }
        if (sorted) {
            return null;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(order, tmp, 0, n, starts, ends);
        return order;
    }

    private static int compare(long[] starts, long[] ends, int a, int b) {
        int c = Long.compare(starts[a], starts[b]);
        return c != 0 ? c : Long.compare(ends[b], ends[a]);
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, long[] starts, long[] ends) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, starts, ends);
        mergeSort(a, tmp, mid, to, starts, ends);
        if (compare(starts, ends, a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(starts, ends, tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** The column's first {@code order.length} rows in that order, in an array of just that length. */
    static long[] apply(long[] column, int[] order) {
        long[] out = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    static int[] apply(int[] column, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    static byte[] apply(byte[] column, int[] order) {
        byte[] out = new byte[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    static int grow(int length, int needed) {
        int next = Math.max(2, length + (length >> 1) + 1);
        return Math.max(next, needed);
    }
}
