package dev.weft.reports.model;

import java.util.Arrays;

/**
 * Open-addressing map from {@code long} keys to objects, without boxing: one probe per lookup, where a
 * {@code HashMap<Long, V>} follows a boxed key and a node. Public for the reader's per-chunk caches.
 *
 * @param <V> the values; {@code null} is a value like any other ({@link #containsKey} tells it from none)
 */
public final class LongMap<V> {

    private static final Object NONE = new Object();

    private long[] keys = new long[16];
    private Object[] values = new Object[16];
    private int size;

    public LongMap() {
        Arrays.fill(values, NONE);
    }

    /** The value of {@code key}, {@code null} when none (or when {@code null} was put). */
    @SuppressWarnings("unchecked")
    public V get(long key) {
        Object v = values[slot(key)];
        return v == NONE ? null : (V) v;
    }

    public boolean containsKey(long key) {
        return values[slot(key)] != NONE;
    }

    public void put(long key, V value) {
        int i = slot(key);
        if (values[i] == NONE) {
            if ((size + 1) * 2 > keys.length) {
                grow();
                i = slot(key);
            }
            keys[i] = key;
            size++;
        }
        values[i] = value;
    }

    public int size() {
        return size;
    }

    /** The slot of {@code key}, or the empty one where it would go. */
    private int slot(long key) {
        int mask = keys.length - 1;
        for (int i = LongIntMap.mix(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == NONE || keys[i] == key) {
                return i;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        Arrays.fill(values, NONE);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != NONE) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
