package dev.weft.reports.model;

/**
 * A {@link ColumnTable} of spans: every row has a start and an end, epoch nanoseconds, the end never
 * before the start.
 *
 * @param <T> the container itself
 */
abstract class SpanTable<T extends SpanTable<T>> extends ColumnTable<T> {

    SpanTable(int longColumns, int intColumns) {
        super(longColumns, intColumns);
    }

    /** The index of a new span at the end, its start and end set; the caller fills the other columns. */
    final int appendSpan(long start, long end) {
        int row = append();
        putLong(START, row, start);
        putLong(END, row, Math.max(start, end));
        return row;
    }

    public final long start(int i) {
        return longAt(START, i);
    }

    public final long end(int i) {
        return longAt(END, i);
    }
}
