package dev.weft.reports.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void sortingMovesEveryColumnAlikeAndTrimsToTheRowsHeld() {
        long[] starts = {30, 10, 10, 20, 0, 0};
        long[] ends = {35, 12, 19, 25, 0, 0};
        int[] ids = {3, 1, 2, 4, 0, 0};
        byte[] flags = {7, 5, 6, 8, 0, 0};
        Object[] sorted = Columns.sortedAndTrimmed(new Object[] {starts, ends, ids, flags}, starts, ends, 4);
        // by start, then the longer (outer) span first
        assertArrayEquals(new long[] {10, 10, 20, 30}, (long[]) sorted[0]);
        assertArrayEquals(new long[] {19, 12, 25, 35}, (long[]) sorted[1]);
        assertArrayEquals(new int[] {2, 1, 4, 3}, (int[]) sorted[2]);
        assertArrayEquals(new byte[] {6, 5, 8, 7}, (byte[]) sorted[3]);
    }

    @Test
    void sortedColumnsAreOnlyTrimmed() {
        long[] starts = {1, 2, 0};
        int[] ids = {8, 9, 0};
        Object[] columns = {starts, ids};
        Object[] trimmed = Columns.sortedAndTrimmed(columns, starts, starts, 2);
        assertArrayEquals(new long[] {1, 2}, (long[]) trimmed[0]);
        assertArrayEquals(new int[] {8, 9}, (int[]) trimmed[1]);
        Object[] exact = {trimmed[0], trimmed[1]};
        assertSame(exact, Columns.sortedAndTrimmed(exact, (long[]) trimmed[0], (long[]) trimmed[0], 2));
    }

    @Test
    void retainingKeepsTheOrderOfWhatIsLeftInEveryColumn() {
        long[] ends = {5, 50, 60, 7, 70, 8, 9, 80, 99};
        int[] ids = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        int kept = Columns.retainFrom(new Object[] {ends, ids}, ends, 50, 8);
        assertEquals(4, kept);
        assertArrayEquals(new long[] {50, 60, 70, 80}, java.util.Arrays.copyOf(ends, kept));
        assertArrayEquals(new int[] {1, 2, 4, 7}, java.util.Arrays.copyOf(ids, kept));
    }

    @Test
    void growingKeepsTheRowsAndMakesRoom() {
        long[] starts = {4, 5};
        byte[] flags = {1, 2};
        Object[] grown = Columns.grown(new Object[] {starts, flags}, 2);
        assertEquals(true, ((long[]) grown[0]).length > 2);
        assertArrayEquals(new long[] {4, 5}, java.util.Arrays.copyOf((long[]) grown[0], 2));
        assertArrayEquals(new byte[] {1, 2}, java.util.Arrays.copyOf((byte[]) grown[1], 2));
        assertEquals(((long[]) grown[0]).length, ((byte[]) grown[1]).length);
    }
}
