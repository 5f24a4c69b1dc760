package dev.weft.reports.model;

import java.util.Arrays;

/**
 * The wait spans of one thread in primitive columns: start and end (epoch nanoseconds), kind,
 * API and blocker class ({@link StringTable} ids, {@code -1} when unknown), blocker identity
 * hash ({@code 0} when none), target thread id ({@code -1} when none), notifier thread id
 * ({@code -1} when none) and flags. Sorted by start once the model is built.
 */
public final class WaitSpans {

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
    private int size;

    void add(long start, long end, int kind, int api, int blockerClass, int blockerId, long target, int flag) {
        add(start, end, kind, api, blockerClass, blockerId, target, -1, StringTable.NONE, StringTable.NONE, flag);
    }

    void add(long start, long end, int kind, int api, int blockerClass, int blockerId, long target, long notifier,
             int stack, int detail, int flag) {
        if (size == starts.length) {
            int capacity = SpanOrder.grow(size, size + 1);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
            apis = Arrays.copyOf(apis, capacity);
            blockerClasses = Arrays.copyOf(blockerClasses, capacity);
            blockerIds = Arrays.copyOf(blockerIds, capacity);
            targets = Arrays.copyOf(targets, capacity);
            notifiers = Arrays.copyOf(notifiers, capacity);
            stacks = Arrays.copyOf(stacks, capacity);
            details = Arrays.copyOf(details, capacity);
            flags = Arrays.copyOf(flags, capacity);
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

    void sortAndTrim() {
        int[] order = SpanOrder.of(starts, ends, size);
        if (order != null) {
            starts = SpanOrder.apply(starts, order);
            ends = SpanOrder.apply(ends, order);
            kinds = SpanOrder.apply(kinds, order);
            apis = SpanOrder.apply(apis, order);
            blockerClasses = SpanOrder.apply(blockerClasses, order);
            blockerIds = SpanOrder.apply(blockerIds, order);
            targets = SpanOrder.apply(targets, order);
            notifiers = SpanOrder.apply(notifiers, order);
            stacks = SpanOrder.apply(stacks, order);
            details = SpanOrder.apply(details, order);
            flags = SpanOrder.apply(flags, order);
        } else if (starts.length != size) {
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            kinds = Arrays.copyOf(kinds, size);
            apis = Arrays.copyOf(apis, size);
            blockerClasses = Arrays.copyOf(blockerClasses, size);
            blockerIds = Arrays.copyOf(blockerIds, size);
            targets = Arrays.copyOf(targets, size);
            notifiers = Arrays.copyOf(notifiers, size);
            stacks = Arrays.copyOf(stacks, size);
            details = Arrays.copyOf(details, size);
            flags = Arrays.copyOf(flags, size);
        }
    }

    /** A copy that later additions to either do not reach: a live view builds a model while events keep coming. */
    WaitSpans copy() {
        WaitSpans c = new WaitSpans();
        c.starts = Arrays.copyOf(starts, size);
        c.ends = Arrays.copyOf(ends, size);
        c.kinds = Arrays.copyOf(kinds, size);
        c.apis = Arrays.copyOf(apis, size);
        c.blockerClasses = Arrays.copyOf(blockerClasses, size);
        c.blockerIds = Arrays.copyOf(blockerIds, size);
        c.targets = Arrays.copyOf(targets, size);
        c.notifiers = Arrays.copyOf(notifiers, size);
        c.stacks = Arrays.copyOf(stacks, size);
        c.details = Arrays.copyOf(details, size);
        c.flags = Arrays.copyOf(flags, size);
        c.size = size;
        return c;
    }

    /** Drops the spans that ended before {@code time}, keeping the order of the rest. */
    void retainFrom(long time) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (ends[i] >= time) {
                starts[n] = starts[i];
                ends[n] = ends[i];
                kinds[n] = kinds[i];
                apis[n] = apis[i];
                blockerClasses[n] = blockerClasses[i];
                blockerIds[n] = blockerIds[i];
                targets[n] = targets[i];
                notifiers[n] = notifiers[i];
                stacks[n] = stacks[i];
                details[n] = details[i];
                flags[n] = flags[i];
                n++;
            }
        }
        size = n;
    }

    public int size() {
        return size;
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

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
