package dev.weft.reports.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTableTest {

    /** Span {@code i} of {@code w} as every column it has, in order. */
    private static List<Long> row(WaitSpans w, int i) {
        return List.of(w.start(i), w.end(i), (long) w.kind(i), (long) w.api(i), (long) w.blockerClass(i),
                (long) w.blockerId(i), w.target(i), w.notifier(i), (long) w.stack(i), (long) w.detail(i),
                (long) w.flags(i));
    }

    private static WaitSpans waits(long... startsAndEnds) {
        WaitSpans w = new WaitSpans();
        for (int i = 0; i < startsAndEnds.length; i += 2) {
            long s = startsAndEnds[i];
            // every column its own value, derived from the start, so a row torn apart shows
            w.add(s, startsAndEnds[i + 1], (int) s + 1, (int) s + 2, (int) s + 3, (int) s + 4, s + 5, s + 6,
                    (int) s + 7, (int) s + 8, (int) (s % 7));
        }
        return w;
    }

    private static List<List<Long>> rows(WaitSpans w) {
        List<List<Long>> rows = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            rows.add(row(w, i));
        }
        return rows;
    }

    @Test
    void sortingMovesEveryColumnAlikeAndTrimsToTheRowsHeld() {
        WaitSpans w = waits(30, 35, 10, 12, 11, 19, 20, 25);
        List<List<Long>> before = rows(w);
        w.sortAndTrim();
        // by start, the longer (outer) span first among equal starts; each row whole
        assertEquals(List.of(before.get(1), before.get(2), before.get(3), before.get(0)), rows(w));
        assertArrayEquals(new int[] {4 * 4, 7 * 4}, w.arrayLengths(), "trimmed to the 4 rows held");

        WaitSpans equalStarts = waits(10, 12, 10, 19);
        equalStarts.sortAndTrim();
        assertEquals(List.of(19L, 12L), List.of(equalStarts.end(0), equalStarts.end(1)), "outer before inner");
    }

    @Test
    void sortedRowsAreOnlyTrimmed() {
        WaitSpans w = waits(1, 2, 3, 4, 5, 6);
        List<List<Long>> before = rows(w);
        w.sortAndTrim();
        assertEquals(before, rows(w));
        assertArrayEquals(new int[] {4 * 3, 7 * 3}, w.arrayLengths());
    }

    @Test
    void growingKeepsEveryRowWhole() {
        WaitSpans w = new WaitSpans();
        assertArrayEquals(new int[] {0, 0}, w.arrayLengths(), "an empty table holds no arrays of its own");
        long[] spans = new long[200];
        for (int i = 0; i < 100; i++) {
            spans[2 * i] = i * 10L;
            spans[2 * i + 1] = i * 10L + 5;
        }
        WaitSpans grown = waits(spans);
        for (int i = 0; i < 100; i++) {
            long s = i * 10L;
            assertEquals(List.of(s, s + 5, s + 1, s + 2, s + 3, s + 4, s + 5, s + 6, s + 7, s + 8, s % 7), row(grown, i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> grown.kind(100), "rows past the size are not there");
    }

    @Test
    void anEndBeforeItsStartIsTheStart() {
        WaitSpans w = waits(50, 40);
        assertEquals(50, w.end(0));
    }

    @Test
    void retainingKeepsTheOrderOfWhatIsLeftInEveryColumn() {
        WaitSpans w = waits(0, 5, 1, 50, 2, 60, 3, 7, 4, 70, 5, 8, 6, 9, 7, 80);
        List<List<Long>> before = rows(w);
        w.retainFrom(50);
        assertEquals(List.of(before.get(1), before.get(2), before.get(4), before.get(7)), rows(w));
        w.add(8, 90, 0, 0, 0, 0, 0, 0);
        assertEquals(5, w.size());
        assertEquals(List.of(before.get(1), before.get(2), before.get(4), before.get(7)), rows(w).subList(0, 4),
                "a row added after retaining does not disturb the rows kept");
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
        c.add(9, 10, 11);
        assertEquals(2, c.size());
        assertEquals(List.of(7, 11), List.of(c.method(0), c.method(1)));
        assertEquals(List.of(1L, 5L), List.of(c.start(0), c.end(0)));
        assertEquals(1, s.size(), "nor the original the copy's");
        assertEquals(7, s.method(0));
    }
}
