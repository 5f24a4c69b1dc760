package dev.weft.reports.model;

/**
 * The wakes one thread performed (it released another thread from a wait), in primitive
 * columns: time (epoch nanoseconds), woken thread id ({@code -1} if unknown), blocker identity
 * hash and how ({@link StringTable} id).
 */
public final class Wakes {

    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private long[] times = NO_LONGS;
    private long[] woken = NO_LONGS;
    private int[] blockerIds = NO_INTS;
    private int[] hows = NO_INTS;
    private int size;

    void add(long time, long wokenThread, int blockerId, int how) {
        if (size == times.length) {
            columns(Columns.grown(columns(), size));
        }
        times[size] = time;
        woken[size] = wokenThread;
        blockerIds[size] = blockerId;
        hows[size] = how;
        size++;
    }

    void sortAndTrim() {
        columns(Columns.sortedAndTrimmed(columns(), times, times, size));
    }

    /** A copy that later additions to either do not reach. */
    Wakes copy() {
        Wakes c = new Wakes();
        c.columns(Columns.copy(columns(), size));
        c.size = size;
        return c;
    }

    /** Drops the wakes before {@code time}, keeping the order of the rest. */
    void retainFrom(long time) {
        size = Columns.retainFrom(columns(), times, time, size);
    }

    /** The columns as one array for {@link Columns}, for the moment of one call. */
    private Object[] columns() {
        return new Object[] {times, woken, blockerIds, hows};
    }

    private void columns(Object[] c) {
        times = (long[]) c[0];
        woken = (long[]) c[1];
        blockerIds = (int[]) c[2];
        hows = (int[]) c[3];
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return times[check(i)];
    }

    public long woken(int i) {
        return woken[check(i)];
    }

    public int blockerId(int i) {
        return blockerIds[check(i)];
    }

    public int how(int i) {
        return hows[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
