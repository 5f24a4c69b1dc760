package dev.weft.reports.model;

import java.util.List;
import java.util.Locale;

/**
 * One Java thread of the recording, identified by its {@code Thread.threadId()}, with its
 * lifetime and its spans. Built by {@link ModelBuilder}; read-only for everyone else.
 */
public final class ThreadInfo {

    /**
     * Names of JVM and tool threads that carry no other mark (their group is {@code main} or unknown):
     * the last resort, after class, group and the agent's word.
     */
    private static final List<String> SYSTEM_NAMES = List.of(
            "reference handler", "finalizer", "signal dispatcher", "common-cleaner", "notification thread",
            "attach listener", "destroyjavavm", "service thread", "monitor deflation thread", "sweeper thread",
            "vm periodic task thread", "jfr recorder thread", "jfr periodic tasks", "jfr shutdown hook");
    private static final List<String> SYSTEM_PREFIXES = List.of(
            "jfr ", "weft-", "c1 compilerthread", "c2 compilerthread", "jvmci", "rmi ", "jmx ");
    /** The JDK's thread groups: system threads, the virtual-thread scheduler's carriers, innocuous threads. */
    private static final List<String> SYSTEM_GROUPS = List.of("system", "CarrierThreads", "InnocuousThreadGroup");
    /** The JDK's thread classes (from the agent's {@code weft.ThreadStart}). */
    private static final List<String> SYSTEM_CLASSES = List.of("jdk.internal.misc.CarrierThread",
            "jdk.internal.misc.InnocuousThread", "java.util.concurrent.DelayScheduler",
            "java.lang.ref.Reference$ReferenceHandler", "java.lang.ref.Finalizer$FinalizerThread",
            "jdk.internal.net.http.HttpClientImpl$SelectorManager");

    private final long id;
    private String name;
    private boolean virtual;
    private byte daemon = -1;
    private long parentId = -1;
    private String group;
    private String threadClass;
    /** The agent's word on whether this is the JDK's thread: -1 unknown, 0 no, 1 yes. */
    private byte agentSystem = -1;

    // evidence collected while reading
    long startEvent = Long.MAX_VALUE;
    long endEvent = Long.MIN_VALUE;
    long firstSeen = Long.MAX_VALUE;
    /** When the model's budget charged this thread: the earliest it is known to have begun. */
    long chargedAt = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;

    // lifetime, set by build()
    private long start;
    private long end;
    private boolean startSeen;
    private boolean endSeen;
    private boolean aliveAtExit;
    private boolean system;

    /** The latest wait sample that saw this thread blocked, and that wait; {@code null}: none. */
    OpenWait openWait;

    // Each table is made at its first row: most of a program's 100,000 virtual threads have no pins, no JVM
    // waits, no wakes or no workload, and an empty table costs as much as a thread's other fields.
    private static final WorkloadSpans NO_WORKLOADS = new WorkloadSpans();
    private static final WaitSpans NO_WAITS = new WaitSpans();
    private static final Wakes NO_WAKES = new Wakes();
    private static final Pins NO_PINS = new Pins();
    private WorkloadSpans workloads;
    private WaitSpans waits;
    /** The JVM's own waits while the model is read; merged into {@link #waits} and dropped when it is built. */
    WaitSpans builtInWaits;
    private Wakes wakes;
    private Pins pins;

    ThreadInfo(long id) {
        this.id = id;
    }

    /** What was collected so far, copied: the copy can be built into a model while this one collects on. */
    ThreadInfo copy() {
        ThreadInfo c = new ThreadInfo(id);
        c.workloads = copy(workloads);
        c.waits = copy(waits);
        c.builtInWaits = copy(builtInWaits);
        c.wakes = copy(wakes);
        c.pins = copy(pins);
        c.name = name;
        c.virtual = virtual;
        c.daemon = daemon;
        c.parentId = parentId;
        c.group = group;
        c.threadClass = threadClass;
        c.agentSystem = agentSystem;
        c.startEvent = startEvent;
        c.endEvent = endEvent;
        c.firstSeen = firstSeen;
        c.lastSeen = lastSeen;
        c.aliveAtExit = aliveAtExit;
        c.openWait = openWait; // immutable
        return c;
    }

    private static <T extends ColumnTable<T>> T copy(T table) {
        return table == null ? null : table.copy();
    }

    /** The table to add a workload span to, made at the first. */
    WorkloadSpans workloadsToFill() {
        if (workloads == null) {
            workloads = new WorkloadSpans();
        }
        return workloads;
    }

    /** The table to add an agent wait span to, made at the first. */
    WaitSpans waitsToFill() {
        if (waits == null) {
            waits = new WaitSpans();
        }
        return waits;
    }

    /** The table to add a JVM wait span to, made at the first. */
    WaitSpans builtInWaitsToFill() {
        if (builtInWaits == null) {
            builtInWaits = new WaitSpans();
        }
        return builtInWaits;
    }

    /** The table to add a wake to, made at the first. */
    Wakes wakesToFill() {
        if (wakes == null) {
            wakes = new Wakes();
        }
        return wakes;
    }

    /** The table to add a pin to, made at the first. */
    Pins pinsToFill() {
        if (pins == null) {
            pins = new Pins();
        }
        return pins;
    }

    /** The JVM's own waits read so far, to be merged; none once the model is built. */
    WaitSpans builtInWaits() {
        return builtInWaits == null ? NO_WAITS : builtInWaits;
    }

    /**
     * Orders and trims the tables the model keeps: it is being built. The JVM's waits are not among them;
     * they are merged into {@link #waits} next, which sorts again only if that added any.
     */
    void sortAndTrimTables() {
        if (workloads != null) {
            workloads.sortAndTrim();
        }
        if (waits != null) {
            waits.sortAndTrim();
        }
        if (pins != null) {
            pins.sortAndTrim();
        }
        if (wakes != null) {
            wakes.sortAndTrim();
        }
    }

    /**
     * Forgets what ended before {@code time}. A lifetime that began earlier now begins at the first
     * thing kept (its start event is gone); returns whether anything is left worth keeping: spans, or
     * a thread that has not ended.
     */
    boolean retainFrom(long time) {
        for (ColumnTable<?> table : new ColumnTable<?>[] {workloads, waits, builtInWaits, wakes, pins}) {
            if (table != null) {
                table.retainFrom(time);
            }
        }
        if (startEvent < time) {
            startEvent = Long.MAX_VALUE;
        }
        if (firstSeen < time) {
            firstSeen = time;
        }
        if (lastSeen < time) {
            lastSeen = time;
        }
        boolean ended = endEvent != Long.MIN_VALUE;
        return !ended || endEvent >= time
                || workloads().size() + waits().size() + builtInWaits().size() + wakes().size() + pins().size() > 0;
    }

    /**
     * Forgets what began at or after {@code time} and ends the rest by it: the thread as a recording that
     * stopped at {@code time} would show it. Returns the rows dropped; {@link #beganBefore} then says whether
     * anything of the thread is left.
     */
    long cutAt(long time) {
        long dropped = 0;
        for (ColumnTable<?> table : new ColumnTable<?>[] {workloads, waits, builtInWaits, wakes, pins}) {
            if (table != null) {
                dropped += table.cutAt(time);
            }
        }
        if (startEvent >= time) {
            startEvent = Long.MAX_VALUE;
        }
        if (lastSeen > time) {
            lastSeen = time;
        }
        if (endEvent > time) {
            endEvent = Long.MIN_VALUE; // it ended after the cut: it runs to it
        }
        return dropped;
    }

    /**
     * Charges this thread's rows to {@code h}, and the thread itself where it was charged; returns the units
     * charged at no known time (a thread named before any event had a time).
     */
    long chargeTo(ChargeHistogram h, long threadUnits) {
        for (ColumnTable<?> table : new ColumnTable<?>[] {workloads, waits, builtInWaits, wakes, pins}) {
            if (table != null) {
                table.chargeTo(h);
            }
        }
        if (chargedAt == Long.MAX_VALUE) {
            return threadUnits;
        }
        h.add(chargedAt, threadUnits);
        return 0;
    }

    /** After {@link #cutAt}: whether the thread was seen, started or did anything before {@code time}. */
    boolean beganBefore(long time) {
        // a thread blocked from before: only wait samples (written by JFR's own thread) may show it
        return firstSeen < time || startEvent < time || openWait != null && openWait.since() != Long.MIN_VALUE
                && openWait.since() < time || workloads().size() + waits().size()
                + builtInWaits().size() + wakes().size() + pins().size() > 0;
    }

    /** Whether a thread of this name is one of the JVM's or the tools' own (hidden by default). */
    public static boolean isSystemName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (SYSTEM_NAMES.contains(n) || n.endsWith("-delayscheduler")) {
            return true;
        }
        for (String prefix : SYSTEM_PREFIXES) {
            if (n.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    // ---- builder access

    void name(String newName) {
        if (newName == null || newName.isEmpty()) {
            return;
        }
        // the JVM's own thread records lose characters outside the BMP (they come back as U+FFFD);
        // the agent's events carry the name as Java wrote it: a damaged copy never replaces a sound one
        if (name != null && newName.indexOf('\uFFFD') >= 0 && name.indexOf('\uFFFD') < 0) {
            return;
        }
        this.name = newName;
    }

    void virtual(boolean isVirtual) {
        this.virtual |= isVirtual;
    }

    void daemon(boolean isDaemon) {
        this.daemon = (byte) (isDaemon ? 1 : 0);
    }

    void parentId(long parent) {
        if (parent >= 0 && parent != id) {
            this.parentId = parent;
        }
    }

    void close(long recordingEnd) {
        long first = Math.min(startEvent, firstSeen);
        WorkloadSpans w = workloads();
        WaitSpans ws = waits();
        if (w.size() > 0) {
            first = Math.min(first, w.start(0));
        }
        if (ws.size() > 0) {
            first = Math.min(first, ws.start(0));
        }
        long last = lastSeen;
        for (int i = 0; i < w.size(); i++) {
            last = Math.max(last, w.end(i));
        }
        for (int i = 0; i < ws.size(); i++) {
            last = Math.max(last, ws.end(i));
        }
        startSeen = startEvent != Long.MAX_VALUE;
        endSeen = endEvent != Long.MIN_VALUE;
        start = first == Long.MAX_VALUE ? recordingEnd : first;
        end = endSeen ? Math.max(endEvent, last) : Math.max(recordingEnd, last);
        end = Math.max(start, end);
        system = classify();
    }

    /**
     * The JDK's own thread, by what it is: the agent's word (class, group, and who started it), else
     * its thread group, else its class; by name only for threads with no other mark (a recording
     * without the agent), and JDK 25's virtual sub-pollers by name and virtual only then.
     */
    private boolean classify() {
        if (agentSystem == 1 || group != null && SYSTEM_GROUPS.contains(group)
                || threadClass != null && SYSTEM_CLASSES.contains(threadClass)) {
            return true;
        }
        if (virtual) {
            // the agent saw it start: its word; without the agent the name is all there is
            return agentSystem < 0 && name != null && name.matches("SubPoller-\\d+");
        }
        return isSystemName(name);
    }

    void group(String threadGroup) {
        if (threadGroup != null && !threadGroup.isEmpty()) {
            this.group = threadGroup;
        }
    }

    void threadClass(String cls, boolean jdk) {
        if (cls != null) {
            this.threadClass = cls;
        }
        this.agentSystem = (byte) (jdk ? 1 : 0);
    }

    void markAliveAtExit() {
        this.aliveAtExit = true;
    }

    // ---- public view

    public long id() {
        return id;
    }

    /** The thread's name as recorded, may be {@code null} (unnamed virtual threads). */
    public String name() {
        return name;
    }

    /** The name, or {@code virtual#id} / {@code thread#id} when it has none. */
    public String displayName() {
        if (name != null && !name.isEmpty()) {
            return name;
        }
        return (virtual ? "virtual#" : "thread#") + id;
    }

    public boolean isVirtual() {
        return virtual;
    }

    public boolean isDaemonKnown() {
        return daemon >= 0;
    }

    public boolean isDaemon() {
        return daemon == 1;
    }

    /** The id of the thread that started this one, {@code -1} if unknown. */
    public long parentId() {
        return parentId;
    }

    /** Start of the lifetime, epoch nanoseconds: the start event or the first event seen. */
    public long start() {
        return start;
    }

    /** End of the lifetime, epoch nanoseconds: the end event, else the end of the recording. */
    public long end() {
        return end;
    }

    public long lifetime() {
        return end - start;
    }

    /** Whether a thread start event was recorded (else the lifetime starts at its first event). */
    public boolean startSeen() {
        return startSeen;
    }

    /** Whether a thread end event was recorded (else the thread runs to the recording end). */
    public boolean endSeen() {
        return endSeen;
    }

    /** Whether the agent saw this thread still running when the JVM began to shut down. */
    public boolean aliveAtExit() {
        return aliveAtExit;
    }

    /** Whether this is one of the JDK's or the tools' own threads (see {@link #classify}). */
    public boolean isSystem() {
        return system;
    }

    /** The thread group's name as JFR recorded it, may be {@code null}. */
    public String group() {
        return group;
    }

    /** The thread's class (from the agent), may be {@code null}. */
    public String threadClass() {
        return threadClass;
    }

    /** Times a virtual thread was pinned to its carrier while it waited ({@code jdk.VirtualThreadPinned}). */
    public Pins pins() {
        return pins == null ? NO_PINS : pins;
    }

    public WorkloadSpans workloads() {
        return workloads == null ? NO_WORKLOADS : workloads;
    }

    /** Outermost waits only: built-in events covered by an agent wait are merged into it. */
    public WaitSpans waits() {
        return waits == null ? NO_WAITS : waits;
    }

    public Wakes wakes() {
        return wakes == null ? NO_WAKES : wakes;
    }

    @Override
    public String toString() {
        return displayName() + " (#" + id + (virtual ? ", virtual" : "") + ")";
    }
}
