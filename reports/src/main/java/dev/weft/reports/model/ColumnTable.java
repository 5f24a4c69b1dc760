package dev.weft.reports.model;

/**
 * What the span containers ({@link WaitSpans}, {@link WorkloadSpans}, {@link Pins}, {@link Wakes}) share:
 * their columns, the row count, and growing, ordering, trimming, copying and forgetting rows.
 *
 * <p>All {@code long} columns of a container lie in one array and all {@code int} columns in another,
 * column after column, each {@link #capacity} rows long: column {@code c} of row {@code r} is at
 * {@code c * capacity + r}. Two arrays a container, not one a column: a program of 100,000 virtual threads
 * that wait once each holds 100,000 tiny tables, and the array headers were most of their size. A container
 * names its columns by index within their type; the start is long column 0 and the end long column 1
 * (unless {@link #instants()}).
 *
 * @param <T> the container itself, for {@link #copy()}
 */
abstract class ColumnTable<T extends ColumnTable<T>> implements Cloneable {

    /** The long column of every row's start. */
    static final int START = 0;
    /** The long column of every row's end, unless {@link #instants()}. */
    static final int END = 1;

    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private final byte longColumns;
    private final byte intColumns;
    private long[] longs = NO_LONGS;
    private int[] ints = NO_INTS;
    /** The rows each column has room for. */
    private int capacity;
    /** The rows held. */
    int size;

    ColumnTable(int longColumns, int intColumns) {
        this.longColumns = (byte) longColumns;
        this.intColumns = (byte) intColumns;
    }

    public final int size() {
        return size;
    }

    /** Whether the rows are instants: the first column is their start and their end, the second is no time. */
    boolean instants() {
        return false;
    }

    /** The index of a new row at the end, room made for it; the caller fills every column. */
    final int append() {
        if (size == capacity) {
            resize(SpanOrder.grow(capacity, size + 1));
        }
        return size++;
    }

    final void putLong(int column, int row, long value) {
        longs[column * capacity + row] = value;
    }

    final void putInt(int column, int row, int value) {
        ints[column * capacity + row] = value;
    }

    final long longAt(int column, int row) {
        return longs[column * capacity + check(row)];
    }

    final int intAt(int column, int row) {
        return ints[column * capacity + check(row)];
    }

    /** Orders the rows by start (outer before inner) and trims the columns to them: the model is built. */
    final void sortAndTrim() {
        int[] order = SpanOrder.of(longs, START * capacity, endColumn() * capacity, size);
        if (order == null) {
            if (capacity != size) {
                resize(size);
            }
            return;
        }
        long[] l = new long[longColumns * size];
        for (int c = 0; c < longColumns; c++) {
            for (int r = 0; r < size; r++) {
                l[c * size + r] = longs[c * capacity + order[r]];
            }
        }
        int[] n = new int[intColumns * size];
        for (int c = 0; c < intColumns; c++) {
            for (int r = 0; r < size; r++) {
                n[c * size + r] = ints[c * capacity + order[r]];
            }
        }
        longs = l;
        ints = n;
        capacity = size;
    }

    /** A copy that later additions to either do not reach: a live view builds a model while events keep coming. */
    @SuppressWarnings("unchecked")
    final T copy() {
        try {
            ColumnTable<T> c = (ColumnTable<T>) super.clone();
            c.resize(size); // new arrays of the rows held
            return (T) c;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e); // Cloneable is implemented here
        }
    }

    /** Drops the rows that ended before {@code time}, keeping the order of the rest. */
    final void retainFrom(long time) {
        int endAt = endColumn() * capacity;
        int kept = 0;
        for (int r = 0; r < size; r++) {
            if (longs[endAt + r] < time) {
                continue;
            }
            if (kept != r) {
                moveRow(r, kept);
            }
            kept++;
        }
        size = kept;
    }

    /**
     * Drops the rows that start at or after {@code time} and ends the rest by it, keeping their order: the
     * table as a recording that stopped at {@code time} would have held it. Returns the rows dropped.
     */
    final int cutAt(long time) {
        boolean spans = !instants();
        int kept = 0;
        for (int r = 0; r < size; r++) {
            if (longs[START * capacity + r] >= time) {
                continue;
            }
            if (kept != r) {
                moveRow(r, kept);
            }
            if (spans && longs[END * capacity + kept] > time) {
                longs[END * capacity + kept] = time;
            }
            kept++;
        }
        int dropped = size - kept;
        size = kept;
        return dropped;
    }

    /** Charges each row, 1 unit, at its start. */
    final void chargeTo(ChargeHistogram h) {
        for (int r = 0; r < size; r++) {
            h.add(longs[START * capacity + r], 1);
        }
    }

    private void moveRow(int from, int to) {
        for (int c = 0; c < longColumns; c++) {
            longs[c * capacity + to] = longs[c * capacity + from];
        }
        for (int c = 0; c < intColumns; c++) {
            ints[c * capacity + to] = ints[c * capacity + from];
        }
    }

    /** The rows held, in columns of room for {@code rows}, which is at least {@link #size}. */
    private void resize(int rows) {
        long[] l = rows == 0 ? NO_LONGS : new long[longColumns * rows];
        for (int c = 0; c < longColumns; c++) {
            System.arraycopy(longs, c * capacity, l, c * rows, size);
        }
        int[] n = rows == 0 ? NO_INTS : new int[intColumns * rows];
        for (int c = 0; c < intColumns; c++) {
            System.arraycopy(ints, c * capacity, n, c * rows, size);
        }
        longs = l;
        ints = n;
        capacity = rows;
    }

    /** The column each row ends at: the longer row comes first among equal starts, and {@link #retainFrom} keys on it. */
    private int endColumn() {
        return instants() ? START : END;
    }

    final int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }

    /** For tests: the arrays' lengths, which the memory of a model of many threads depends on. */
    final int[] arrayLengths() {
        return new int[] {longs.length, ints.length};
    }
}
