package dev.weft.reports.model;

/**
 * The wakes one thread performed (it released another thread from a wait), in primitive
 * columns: time (epoch nanoseconds), woken thread id ({@code -1} if unknown), blocker identity
 * hash and how ({@link StringTable} id).
 */
public final class Wakes extends ColumnTable<Wakes> {

    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private long[] times = NO_LONGS;
    private long[] woken = NO_LONGS;
    private int[] blockerIds = NO_INTS;
    private int[] hows = NO_INTS;

    void add(long time, long wokenThread, int blockerId, int how) {
        if (size == times.length) {
            grow();
        }
        times[size] = time;
        woken[size] = wokenThread;
        blockerIds[size] = blockerId;
        hows[size] = how;
        size++;
    }

    @Override
    Object[] columns() {
        return new Object[] {times, woken, blockerIds, hows};
    }

    @Override
    void columns(Object[] c) {
        times = (long[]) c[0];
        woken = (long[]) c[1];
        blockerIds = (int[]) c[2];
        hows = (int[]) c[3];
    }

    @Override
    boolean instants() {
        return true;
    }

    @Override
    Wakes empty() {
        return new Wakes();
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
}
