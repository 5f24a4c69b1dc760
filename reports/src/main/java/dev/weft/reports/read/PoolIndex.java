package dev.weft.reports.read;

import dev.weft.reports.model.LongIntMap;

import java.util.Arrays;

/**
 * Where each constant of a chunk's pool is, by key. {@link #compact()}: two arrays sorted by key and searched
 * by halves, 12 bytes a constant, for a small heap; else a hash table, at most half full, up to four times
 * that. A million threads' recording has 300,000 thread constants in a chunk: 12 MB of table in the exit
 * report's 48 MB of heap. The search by halves, and the sort, cost the lock stress's report about 4 % of
 * its CPU (100,000 threads), where the heap has room for the table.
 */
final class PoolIndex {

    /** The hash table, or {@code null} when compact. */
    private final LongIntMap table;
    private long[] keys = new long[16];
    private int[] positions = new int[16];
    private int size;
    private boolean sorted = true;
    private boolean frozen;

    private PoolIndex(LongIntMap table) {
        this.table = table;
        if (table != null) {
            keys = null;
            positions = null;
        }
    }

    /** An index in sorted arrays: a quarter of the heap, slower to build and to search. */
    static PoolIndex compact() {
        return new PoolIndex(null);
    }

    /** An index in a hash table. */
    static PoolIndex fast() {
        return new PoolIndex(new LongIntMap());
    }

    /** Adds the constant {@code key} at {@code position}; of a key added twice, the last stays. */
    void add(long key, int position) {
        if (frozen) {
            throw new IllegalStateException("the index is complete");
        }
        if (table != null) {
            table.put(key, position);
            return;
        }
        if (size == keys.length) {
            int grown = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, size * 2L));
            keys = Arrays.copyOf(keys, grown);
            positions = Arrays.copyOf(positions, grown);
        }
        if (size > 0 && keys[size - 1] >= key) {
            sorted = false;
        }
        keys[size] = key;
        positions[size] = position;
        size++;
    }

    /** Ends the adding: sorts by key (keeping the order of a key's additions), keeps the last of each, trims. */
    void freeze() {
        if (frozen) {
            return;
        }
        frozen = true;
        if (table != null) {
            return;
        }
        if (!sorted) {
            mergeSort();
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (i + 1 < size && keys[i + 1] == keys[i]) {
                    continue; // a later addition of the same key follows
                }
                keys[kept] = keys[i];
                positions[kept] = positions[i];
                kept++;
            }
            size = kept;
        }
        keys = Arrays.copyOf(keys, size);
        positions = Arrays.copyOf(positions, size);
    }

    /** The position of {@code key}, or {@code -1}. */
    int get(long key) {
        if (table != null) {
            return table.get(key);
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = keys[mid];
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return positions[mid];
            }
        }
        return -1;
    }

    int size() {
        return table != null ? table.size() : size;
    }

    /** Heap its two arrays take. */
    long bytes() {
        return table != null ? table.bytes() : keys.length * 12L;
    }

    /** A stable sort by key, bottom up: a key added twice keeps its additions in order. */
    private void mergeSort() {
        long[] k = keys;
        int[] p = positions;
        long[] kt = new long[size];
        int[] pt = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size; lo += 2 * width) {
                int mid = Math.min(lo + width, size);
                int hi = Math.min(lo + 2 * width, size);
                int i = lo;
                int j = mid;
                int out = lo;
                while (i < mid && j < hi) {
                    if (k[j] < k[i]) {
                        kt[out] = k[j];
                        pt[out++] = p[j++];
                    } else {
                        kt[out] = k[i];
                        pt[out++] = p[i++];
                    }
                }
                while (i < mid) {
                    kt[out] = k[i];
                    pt[out++] = p[i++];
                }
                while (j < hi) {
                    kt[out] = k[j];
                    pt[out++] = p[j++];
                }
            }
            long[] ks = k;
            k = kt;
            kt = ks;
            int[] ps = p;
            p = pt;
            pt = ps;
        }
        keys = k;
        positions = p;
    }
}
