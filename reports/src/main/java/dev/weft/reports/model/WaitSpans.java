package dev.weft.reports.model;

/**
 * The wait spans of one thread in primitive columns: start and end (epoch nanoseconds), kind,
 * API and blocker class ({@link StringTable} ids, {@code -1} when unknown), blocker identity
 * hash ({@code 0} when none), target thread id ({@code -1} when none), notifier thread id
 * ({@code -1} when none) and flags. Sorted by start once the model is built.
 */
public final class WaitSpans extends ColumnTable<WaitSpans> {

    /** The call had a timeout. */
    public static final int TIMED = 1;
    /** The span comes from a built-in JDK event, not from the Weft agent. */
    public static final int BUILT_IN = 2;
    /**
     * The wait was still in progress when the recording ended: its span runs to the end, from the
     * agent's last wait sample ({@code weft.WaitInProgress}); its own event had not been committed.
     */
    public static final int OPEN = 4;

    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};
    private static final byte[] NO_BYTES = {};

    private long[] starts = NO_LONGS;
    private long[] ends = NO_LONGS;
    private int[] kinds = NO_INTS;
    private int[] apis = NO_INTS;
    private int[] blockerClasses = NO_INTS;
    private int[] blockerIds = NO_INTS;
    private long[] targets = NO_LONGS;
    private long[] notifiers = NO_LONGS;
    private int[] stacks = NO_INTS;
    private int[] details = NO_INTS;
    private byte[] flags = NO_BYTES;

    void add(long start, long end, int kind, int api, int blockerClass, int blockerId, long target, int flag) {
        add(start, end, kind, api, blockerClass, blockerId, target, -1, StringTable.NONE, StringTable.NONE, flag);
    }

    void add(long start, long end, int kind, int api, int blockerClass, int blockerId, long target, long notifier,
             int stack, int detail, int flag) {
        if (size == starts.length) {
            grow();
        }
        starts[size] = start;
        ends[size] = Math.max(start, end);
        kinds[size] = kind;
        apis[size] = api;
        blockerClasses[size] = blockerClass;
        blockerIds[size] = blockerId;
        targets[size] = target;
        notifiers[size] = notifier;
        stacks[size] = stack;
        details[size] = detail;
        flags[size] = (byte) flag;
        size++;
    }

    void addFrom(WaitSpans other, int i) {
        add(other.starts[i], other.ends[i], other.kinds[i], other.apis[i], other.blockerClasses[i],
                other.blockerIds[i], other.targets[i], other.notifiers[i], other.stacks[i], other.details[i],
                other.flags[i]);
    }

    /** A JVM event merged into span {@code i} knew where it waited: the span keeps the stack if it had none. */
    void stackIfNone(int i, int stack) {
        if (stacks[check(i)] == StringTable.NONE) {
            stacks[i] = stack;
        }
    }

    /** A JVM event merged into span {@code i} named what was waited for (an address, a file): the span keeps it if it had none. */
    void detailIfNone(int i, int detail) {
        if (details[check(i)] == StringTable.NONE) {
            details[i] = detail;
        }
    }

    /** A merged monitor wait inside span {@code i} was ended by {@code notifier}: the span keeps it. */
    void notifier(int i, long notifier) {
        notifiers[check(i)] = notifier;
    }

    @Override
    Object[] columns() {
        return new Object[] {starts, ends, kinds, apis, blockerClasses, blockerIds, targets, notifiers, stacks, details,
            flags};
    }

    @Override
    void columns(Object[] c) {
        starts = (long[]) c[0];
        ends = (long[]) c[1];
        kinds = (int[]) c[2];
        apis = (int[]) c[3];
        blockerClasses = (int[]) c[4];
        blockerIds = (int[]) c[5];
        targets = (long[]) c[6];
        notifiers = (long[]) c[7];
        stacks = (int[]) c[8];
        details = (int[]) c[9];
        flags = (byte[]) c[10];
    }

    @Override
    WaitSpans empty() {
        return new WaitSpans();
    }

    public long start(int i) {
        return starts[check(i)];
    }

    public long end(int i) {
        return ends[check(i)];
    }

    /** The kind (sleep, join, latch, park, monitor-enter …) as a {@link StringTable} id. */
    public int kind(int i) {
        return kinds[check(i)];
    }

    /** The API called (e.g. {@code CountDownLatch.await}) as a {@link StringTable} id. */
    public int api(int i) {
        return apis[check(i)];
    }

    /** The class of the object waited on as a {@link StringTable} id, {@code -1} if unknown. */
    public int blockerClass(int i) {
        return blockerClasses[check(i)];
    }

    /** The identity hash of the object waited on, {@code 0} if none. */
    public int blockerId(int i) {
        return blockerIds[check(i)];
    }

    /** The thread waited for (join target, previous monitor owner), {@code -1} if none. */
    public long target(int i) {
        return targets[check(i)];
    }

    /**
     * The thread whose {@code notify}/{@code notifyAll} ended this monitor wait (from the JVM's
     * {@code jdk.JavaMonitorWait}, also when that event was merged into an agent span), {@code -1} if none.
     */
    public long notifier(int i) {
        return notifiers[check(i)];
    }

    /** Where the thread waited, its top frames as one {@link StringTable} id, {@code -1} when not recorded. */
    public int stack(int i) {
        return stacks[check(i)];
    }

    /** What was waited for, where known (remote address, file, process), a {@link StringTable} id or {@code -1}. */
    public int detail(int i) {
        return details[check(i)];
    }

    /** {@link #TIMED}, {@link #BUILT_IN} and {@link #OPEN} bits. */
    public int flags(int i) {
        return flags[check(i)];
    }
}
