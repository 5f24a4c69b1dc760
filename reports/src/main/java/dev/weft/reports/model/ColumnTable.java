package dev.weft.reports.model;

/**
 * What the span containers ({@link WaitSpans}, {@link WorkloadSpans}, {@link Pins}, {@link Wakes}) share:
 * the row count and, through {@link Columns}, growing, ordering, trimming, copying and forgetting rows.
 * A container keeps its columns as typed array fields, lists them once for {@link #columns()} and
 * {@link #columns(Object[])}, the start first and the end second, and writes its rows itself, calling
 * {@link #grow()} when they are full. Inherited, not held: a thread's containers carry no extra object.
 *
 * @param <T> the container itself, for {@link #copy()}
 */
abstract class ColumnTable<T extends ColumnTable<T>> {

    /** The rows held; the arrays may be longer. */
    int size;

    public final int size() {
        return size;
    }

    /**
     * The columns as one array for {@link Columns}, for the moment of one call: first the start of each row
     * (a {@code long[]}, the order of the rows), then its end (the longer row first among equal starts;
     * {@link #retainFrom} forgets the rows that ended earlier), unless {@link #instants()}.
     */
    abstract Object[] columns();

    /** Takes the columns back from {@link Columns}, in the order {@link #columns()} gave them. */
    abstract void columns(Object[] columns);

    /** Whether the rows are instants: the first column is their start and their end, the second is no time. */
    boolean instants() {
        return false;
    }

    /** A new, empty container of this kind. */
    abstract T empty();

    /** Makes room for more rows: the columns are full at {@link #size}. */
    final void grow() {
        columns(Columns.grown(columns(), size));
    }

    /** Orders the rows by start (outer before inner) and trims the arrays to them: the model is built. */
    final void sortAndTrim() {
        Object[] c = columns();
        columns(Columns.sortedAndTrimmed(c, (long[]) c[0], ends(c), size));
    }

    /** A copy that later additions to either do not reach: a live view builds a model while events keep coming. */
    final T copy() {
        T c = empty();
        c.columns(Columns.copy(columns(), size));
        c.size = size;
        return c;
    }

    /** Drops the rows that ended before {@code time}, keeping the order of the rest. */
    final void retainFrom(long time) {
        Object[] c = columns();
        size = Columns.retainFrom(c, ends(c), time, size);
    }

    private long[] ends(Object[] columns) {
        return (long[]) columns[instants() ? 0 : 1];
    }

    final int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
