package dev.weft.reports.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
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

    @Test
    void wakesAreInstantsOrderedAndForgottenByTheirTime() {
        Wakes w = new Wakes();
        w.add(30, 1, 11, 0);
        w.add(10, 99, 12, 0); // the woken thread's id is no time: a wake at 10 goes before 50
        w.add(20, 2, 13, 0);
        w.sortAndTrim();
        assertEquals(List.of(10L, 20L, 30L), List.of(w.time(0), w.time(1), w.time(2)));
        assertEquals(List.of(99L, 2L, 1L), List.of(w.woken(0), w.woken(1), w.woken(2)));
        w.retainFrom(15);
        assertEquals(2, w.size());
        assertEquals(List.of(20L, 30L), List.of(w.time(0), w.time(1)));
        assertEquals(List.of(13, 11), List.of(w.blockerId(0), w.blockerId(1)));
    }

    @Test
    void aCopyDoesNotSeeLaterRows() {
        WorkloadSpans s = new WorkloadSpans();
        s.add(1, 5, 7);
        WorkloadSpans c = s.copy();
        s.add(2, 3, 8);
        s.retainFrom(4);
        assertEquals(1, c.size());
        assertEquals(7, c.method(0));
        assertEquals(List.of(1L, 5L), List.of(c.start(0), c.end(0)));
    }
}
