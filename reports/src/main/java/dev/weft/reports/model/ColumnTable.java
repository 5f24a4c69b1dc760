package dev.weft.reports.model;

/**
 * What the span containers ({@link WaitSpans}, {@link WorkloadSpans}, {@link Pins}, {@link Wakes}) share:
 * their typed columns, the row count and, through {@link Columns}, growing, ordering, trimming, copying
 * and forgetting rows. A container names its columns by index and declares their types once, as the
 * empty layout it is built with: the start is column 0 and the end column 1 (unless {@link #instants()}).
 * Until its first row a container holds that shared layout, so a thread's empty containers cost no arrays.
 *
 * @param <T> the container itself, for {@link #copy()}
 */
abstract class ColumnTable<T extends ColumnTable<T>> implements Cloneable {

    /** The column of every row's start. */
    static final int START = 0;
    /** The column of every row's end, unless {@link #instants()}. */
    static final int END = 1;

    /** Each a {@code long[]}, {@code int[]} or {@code byte[]}, of equal length; the rows in use are the first {@link #size}. */
    private Object[] columns;
    /** The rows held; the arrays may be longer. */
    int size;

    /** {@code emptyLayout}: one empty array of each column's type, shared by all empty containers of a kind. */
    ColumnTable(Object[] emptyLayout) {
        this.columns = emptyLayout;
    }

    public final int size() {
        return size;
    }

    /** Whether the rows are instants: the first column is their start and their end, the second is no time. */
    boolean instants() {
        return false;
    }

    /** The index of a new row at the end, the columns grown to take it; the caller fills every column. */
    final int append() {
        if (size == ((long[]) columns[START]).length) {
            columns = Columns.grown(columns, size);
        }
        return size++;
    }

    final void putLong(int column, int row, long value) {
        ((long[]) columns[column])[row] = value;
    }

    final void putInt(int column, int row, int value) {
        ((int[]) columns[column])[row] = value;
    }

    final void putByte(int column, int row, byte value) {
        ((byte[]) columns[column])[row] = value;
    }

    final long longAt(int column, int row) {
        return ((long[]) columns[column])[check(row)];
    }

    final int intAt(int column, int row) {
        return ((int[]) columns[column])[check(row)];
    }

    final byte byteAt(int column, int row) {
        return ((byte[]) columns[column])[check(row)];
    }

    /** Orders the rows by start (outer before inner) and trims the arrays to them: the model is built. */
    final void sortAndTrim() {
        columns = Columns.sortedAndTrimmed(columns, (long[]) columns[START], ends(), size);
    }

    /** A copy that later additions to either do not reach: a live view builds a model while events keep coming. */
    @SuppressWarnings("unchecked")
    final T copy() {
        try {
            ColumnTable<T> c = (ColumnTable<T>) super.clone();
            c.columns = Columns.copy(columns, size);
            return (T) c;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e); // Cloneable is implemented here
        }
    }

    /** Drops the rows that ended before {@code time}, keeping the order of the rest. */
    final void retainFrom(long time) {
        size = Columns.retainFrom(columns, ends(), time, size);
    }

    /** The end of each row: the longer row comes first among equal starts, and {@link #retainFrom} keys on it. */
    private long[] ends() {
        return (long[]) columns[instants() ? START : END];
    }

    final int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
