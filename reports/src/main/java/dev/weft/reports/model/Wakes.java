package dev.weft.reports.model;

/**
 * The wakes one thread performed (it released another thread from a wait), in primitive
 * columns: time (epoch nanoseconds), woken thread id ({@code -1} if unknown), blocker identity
 * hash and how ({@link StringTable} id).
 */
public final class Wakes extends ColumnTable<Wakes> {

    private static final int WOKEN = 1;
    private static final int BLOCKER_ID = 0;
    private static final int HOW = 1;

    Wakes() {
        super(2, 2);
    }

    void add(long time, long wokenThread, int blockerId, int how) {
        int row = append();
        putLong(START, row, time);
        putLong(WOKEN, row, wokenThread);
        putInt(BLOCKER_ID, row, blockerId);
        putInt(HOW, row, how);
    }

    @Override
    boolean instants() {
        return true;
    }

    public long time(int i) {
        return longAt(START, i);
    }

    public long woken(int i) {
        return longAt(WOKEN, i);
    }

    public int blockerId(int i) {
        return intAt(BLOCKER_ID, i);
    }

    public int how(int i) {
        return intAt(HOW, i);
    }
}
