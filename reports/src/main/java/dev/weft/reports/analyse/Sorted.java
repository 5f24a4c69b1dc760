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

    /**
     * Sorts {@code keys} ascending and {@code values} along with them, stably: without boxing, and at the cost
     * of one pass when they are in order already, as the phases of most threads are.
     */
    static void sortTogether(long[] keys, int[] values) {
        int n = keys.length;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = keys[i - 1] <= keys[i];
        }
        if (!sorted) {
            mergeSort(keys, values, keys.clone(), values.clone(), 0, n);
        }
    }

    /** Sorts {@code [from, to)} of {@code keys} and {@code values} by key, using the two scratch arrays. */
    private static void mergeSort(long[] keys, int[] values, long[] keyTmp, int[] valueTmp, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(keys, values, keyTmp, valueTmp, from, mid);
        mergeSort(keys, values, keyTmp, valueTmp, mid, to);
        if (keys[mid - 1] <= keys[mid]) {
            return;
        }
        System.arraycopy(keys, from, keyTmp, from, to - from);
        System.arraycopy(values, from, valueTmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            boolean left = j >= to || (i < mid && keyTmp[i] <= keyTmp[j]);
            int from1 = left ? i++ : j++;
            keys[k] = keyTmp[from1];
            values[k] = valueTmp[from1];
        }
    }
}
