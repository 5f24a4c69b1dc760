package dev.weft.reports.model;

/**
 * The wait spans of one thread in primitive columns: start and end (epoch nanoseconds), kind,
 * API and blocker class ({@link StringTable} ids, {@code -1} when unknown), blocker identity
 * hash ({@code 0} when none), target thread id ({@code -1} when none), notifier thread id
 * ({@code -1} when none) and flags. Sorted by start once the model is built.
 */
public final class WaitSpans extends SpanTable<WaitSpans> {

    /** The call had a timeout. */
    public static final int TIMED = 1;
    /** The span comes from a built-in JDK event, not from the Weft agent. */
    public static final int BUILT_IN = 2;
    /**
     * The wait was still in progress when the recording ended: its span runs to the end, from the
     * agent's last wait sample ({@code weft.WaitInProgress}); its own event had not been committed.
     */
    public static final int OPEN = 4;

    // long columns after START and END
    private static final int TARGET = 2;
    private static final int NOTIFIER = 3;
    // int columns
    private static final int KIND = 0;
    private static final int API = 1;
    private static final int BLOCKER_CLASS = 2;
    private static final int BLOCKER_ID = 3;
    private static final int STACK = 4;
    private static final int DETAIL = 5;
    private static final int FLAGS = 6;

    WaitSpans() {
        super(4, 7);
    }

    void add(long start, long end, int kind, int api, int blockerClass, int blockerId, long target, int flag) {
        add(start, end, kind, api, blockerClass, blockerId, target, -1, StringTable.NONE, StringTable.NONE, flag);
    }

    void add(long start, long end, int kind, int api, int blockerClass, int blockerId, long target, long notifier,
             int stack, int detail, int flag) {
        int row = appendSpan(start, end);
        putInt(KIND, row, kind);
        putInt(API, row, api);
        putInt(BLOCKER_CLASS, row, blockerClass);
        putInt(BLOCKER_ID, row, blockerId);
        putLong(TARGET, row, target);
        putLong(NOTIFIER, row, notifier);
        putInt(STACK, row, stack);
        putInt(DETAIL, row, detail);
        putInt(FLAGS, row, flag);
    }

    void addFrom(WaitSpans other, int i) {
        add(other.start(i), other.end(i), other.kind(i), other.api(i), other.blockerClass(i), other.blockerId(i),
                other.target(i), other.notifier(i), other.stack(i), other.detail(i), other.flags(i));
    }

    /** A JVM event merged into span {@code i} knew where it waited: the span keeps the stack if it had none. */
    void stackIfNone(int i, int stack) {
        if (stack(i) == StringTable.NONE) {
            putInt(STACK, i, stack);
        }
    }

    /** A JVM event merged into span {@code i} named what was waited for (an address, a file): the span keeps it if it had none. */
    void detailIfNone(int i, int detail) {
        if (detail(i) == StringTable.NONE) {
            putInt(DETAIL, i, detail);
        }
    }

    /** A merged monitor wait inside span {@code i} was ended by {@code notifier}: the span keeps it. */
    void notifier(int i, long notifier) {
        putLong(NOTIFIER, check(i), notifier);
    }

    /** The kind (sleep, join, latch, park, monitor-enter …) as a {@link StringTable} id. */
    public int kind(int i) {
        return intAt(KIND, i);
    }

    /** The API called (e.g. {@code CountDownLatch.await}) as a {@link StringTable} id. */
    public int api(int i) {
        return intAt(API, i);
    }

    /** The class of the object waited on as a {@link StringTable} id, {@code -1} if unknown. */
    public int blockerClass(int i) {
        return intAt(BLOCKER_CLASS, i);
    }

    /** The identity hash of the object waited on, {@code 0} if none. */
    public int blockerId(int i) {
        return intAt(BLOCKER_ID, i);
    }

    /** The thread waited for (join target, previous monitor owner), {@code -1} if none. */
    public long target(int i) {
        return longAt(TARGET, i);
    }

    /**
     * The thread whose {@code notify}/{@code notifyAll} ended this monitor wait (from the JVM's
     * {@code jdk.JavaMonitorWait}, also when that event was merged into an agent span), {@code -1} if none.
     */
    public long notifier(int i) {
        return longAt(NOTIFIER, i);
    }

    /** Where the thread waited, its top frames as one {@link StringTable} id, {@code -1} when not recorded. */
    public int stack(int i) {
        return intAt(STACK, i);
    }

    /** What was waited for, where known (remote address, file, process), a {@link StringTable} id or {@code -1}. */
    public int detail(int i) {
        return intAt(DETAIL, i);
    }

    /** {@link #TIMED}, {@link #BUILT_IN} and {@link #OPEN} bits. */
    public int flags(int i) {
        return intAt(FLAGS, i);
    }
}
