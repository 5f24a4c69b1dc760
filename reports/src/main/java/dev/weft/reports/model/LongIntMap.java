package dev.weft.reports.model;

import java.util.Arrays;

/**
 * Open-addressing map from {@code long} keys to non-negative {@code int} values, without boxing. Public
 * for the reader, which keeps the positions of a chunk's constants in it.
 */
public final class LongIntMap {

    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int size;

    public LongIntMap() {
        Arrays.fill(values, -1);
    }

    /** The value of {@code key}, or {@code -1}. */
    public int get(long key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int v = values[i];
            if (v < 0) {
                return -1;
            }
            if (keys[i] == key) {
                return v;
            }
        }
    }

    /** Makes room for {@code more} keys at once, rather than doubling again and again as they come. */
    public void reserve(int more) {
        while ((long) (size + more) * 2 > keys.length) {
            grow();
        }
    }

    public void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] < 0) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    /** Heap its two arrays take. */
    public long bytes() {
        return keys.length * 12L;
    }

    public int size() {
        return size;
    }

    void clear() {
        keys = new long[64];
        values = new int[64];
        Arrays.fill(values, -1);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, -1);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] >= 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
