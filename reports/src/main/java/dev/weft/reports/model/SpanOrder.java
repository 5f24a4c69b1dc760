package dev.weft.reports.model;

/** Stable ordering of span columns by start ascending, then end descending (outer before inner). */
final class SpanOrder {

    private SpanOrder() {
    }

    /**
     * The permutation that sorts the first {@code n} spans, or {@code null} if already sorted. Span {@code i}
     * starts at {@code times[startAt + i]} and ends at {@code times[endAt + i]}: columns of one array.
     */
    static int[] of(long[] times, int startAt, int endAt, int n) {
        if (n < 2) {
            return null; // most tables of a program with a thread per task hold one row
        }
        Order o = new Order(times, startAt, endAt);
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = o.compare(i - 1, i) <= 0;
        }
        if (sorted) {
            return null;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(order, tmp, 0, n, o);
        return order;
    }

    private record Order(long[] times, int startAt, int endAt) {
        int compare(int a, int b) {
            int c = Long.compare(times[startAt + a], times[startAt + b]);
            return c != 0 ? c : Long.compare(times[endAt + b], times[endAt + a]);
        }
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, Order o) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, o);
        mergeSort(a, tmp, mid, to, o);
        if (o.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && o.compare(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    static int grow(int length, int needed) {
        int next = Math.max(2, length + (length >> 1) + 1);
        return Math.max(next, needed);
    }
}
