package dev.weft.reports.render;

import java.io.IOException;
import java.util.Arrays;

/**
 * The distinct segment descriptions of a report, eight ints each, numbered in order of first use: flat
 * columns and an open-addressing index, about 40 bytes a description where records in a hash map took
 * over 100 (a recording with a lock per task has nearly one description per wait).
 */
final class DescTable {

    static final int WIDTH = 8;

    private int[] rows = new int[WIDTH * 64];
    private int size;
    private int[] slots = new int[128];

    DescTable() {
        Arrays.fill(slots, -1);
    }

    /** The number of the description {@code d} ({@link #WIDTH} ints), added if new. */
    int id(int[] d) {
        int mask = slots.length - 1;
        for (int i = hash(d) & mask; ; i = (i + 1) & mask) {
            int row = slots[i];
            if (row < 0) {
                return add(d, i);
            }
            if (equal(row, d)) {
                return row;
            }
        }
    }

    int size() {
        return size;
    }

    /** Writes every description, flat, in number order. */
    void write(JsonWriter json) throws IOException {
        for (int i = 0; i < size * WIDTH; i++) {
            json.value(rows[i]);
        }
    }

    private int add(int[] d, int slot) {
        if ((size + 1) * WIDTH > rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        System.arraycopy(d, 0, rows, size * WIDTH, WIDTH);
        slots[slot] = size;
        int id = size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        int[] d = new int[WIDTH];
        for (int row = 0; row < size; row++) {
            System.arraycopy(rows, row * WIDTH, d, 0, WIDTH);
            int i = hash(d) & mask;
            while (slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            slots[i] = row;
        }
    }

    private boolean equal(int row, int[] d) {
        int at = row * WIDTH;
        for (int k = 0; k < WIDTH; k++) {
            if (rows[at + k] != d[k]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(int[] d) {
        int h = 0;
        for (int v : d) {
            h = h * 0x9E3779B1 + v;
        }
        return h ^ (h >>> 15);
    }
}
