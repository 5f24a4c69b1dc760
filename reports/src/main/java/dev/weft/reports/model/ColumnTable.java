package dev.weft.reports.model;

/**
 * What the span containers ({@link WaitSpans}, {@link WorkloadSpans}, {@link Pins}, {@link Wakes}) share:
 * the row count and, through {@link Columns}, growing, ordering, trimming, copying and forgetting rows.
 * A container keeps its columns as typed array fields, lists them once for {@link #columns()} and
 * {@link #columns(Object[])}, and writes its rows itself after {@link #room()}. Inherited, not held: a
 * thread's containers carry no extra object.
 *
 * @param <T> the container itself, for {@link #copy()}
 */
abstract class ColumnTable<T extends ColumnTable<T>> {

    /** The rows held; the arrays may be longer. */
    int size;

    public final int size() {
        return size;
    }

    /** The columns as one array for {@link Columns}, for the moment of one call. */
    abstract Object[] columns();

    /** Takes the columns back from {@link Columns}, in the order {@link #columns()} gave them. */
    abstract void columns(Object[] columns);

    /** The column the rows are ordered by (their start), and the one that decides ties: the longer row first. */
    abstract long[] startColumn();

    /** The column a row's end is in: {@link #retainFrom} forgets the rows that ended earlier. */
    abstract long[] endColumn();

    /** A new, empty container of this kind. */
    abstract T empty();

    /** Makes room for one more row at index {@link #size}. */
    final void room() {
        if (size == startColumn().length) {
            columns(Columns.grown(columns(), size));
        }
    }

    /** Orders the rows by start (outer before inner) and trims the arrays to them: the model is built. */
    final void sortAndTrim() {
        columns(Columns.sortedAndTrimmed(columns(), startColumn(), endColumn(), size));
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
        size = Columns.retainFrom(columns(), endColumn(), time, size);
    }

    final int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
