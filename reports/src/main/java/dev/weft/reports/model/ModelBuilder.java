package dev.weft.reports.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects events in any order (JFR files are not ordered by time) and builds the {@link Model}:
 * sorts spans per thread, merges nested waits into the outermost call, and closes lifetimes.
 */
public final class ModelBuilder {

    /** Slack at the edges when deciding that a built-in wait lies within an agent wait. */
    public static final long MERGE_SLACK_NANOS = 1_000_000L;
    /** The kind of a built-in {@code jdk.JavaMonitorWait} span. */
    public static final String MONITOR_WAIT = WaitKinds.MONITOR_WAIT;
    /** The kind of JFR's blocking I/O events. */
    public static final String IO = WaitKinds.IO;
    /** The kind of a virtual thread's wait to enter a monitor (JDK 24+, from the agent). */
    public static final String MONITOR_ENTER = WaitKinds.MONITOR_ENTER;

    private final Path source;
    private final StringTable strings;
    private final LongIntMap index = new LongIntMap();
    private final ThreadsLeftOut leftOut = new ThreadsLeftOut();
    private int generation = 1;
    private final ArrayList<ThreadInfo> threads = new ArrayList<>();
    private final ArrayList<AliveAtExit> alive = new ArrayList<>();
    private final Set<String> eventTypes = new HashSet<>();
    /** The type of the event before, already in {@link #eventTypes}: events come in runs of a type. */
    private String lastType;
    private final ArrayList<String> warnings = new ArrayList<>();
    private AgentStatus agentStatus;
    /** The agent's own files and directories, from its status: the JVM's file events on them are not the app's. */
    private List<String> agentFiles = List.of();
    private long minTime = Long.MAX_VALUE;
    private long maxTime = Long.MIN_VALUE;
    /** The earliest end of any event: where the oldest data kept begins (a span ending there may have begun long before). */
    private long firstEnd = Long.MAX_VALUE;
    private long eventCount;
    /** Why reading stopped early, the first reason given; null while the model is whole. */
    private String partialReason;
    private long dataLoss;
    private final HeapBudget budget = new HeapBudget();
    /** The start of the event being read: a thread left out is left out from it on. */
    private long eventTime = Long.MAX_VALUE;

    /** Heap a span (or wake) of the model costs by the time the report is written, analysis included. */
    public static final long SPAN_BYTES = 200;
    /**
     * Heap a thread of the model costs, in the same sense: its lane, its columns, its breakdown. Measured: a
     * recording of 100,000 virtual threads that waited little takes 69 MB of live heap once analysed, all its
     * strings, spans and classes included (100 MB when each table kept one array a column and every thread
     * had all its tables). The charge stays above that: reading peaks higher than the model it builds.
     */
    public static final long THREAD_BYTES = 800;
    /** The least heap kept beyond the model's budget (else a quarter): measured in bench/RESULTS.md. */
    static final long RESERVE_FLOOR = 16L << 20;
    private RecordingLimits limits;
    private long lastSample = -1;
    private long lastSampleTime = Long.MIN_VALUE;
    private int sampleInProgress;
    private int sampleListed;

    public ModelBuilder(Path source) {
        this(source, new StringTable());
    }

    private ModelBuilder(Path source, StringTable strings) {
        this.source = source;
        this.strings = strings;
    }

    public StringTable strings() {
        return strings;
    }

    /**
     * Lets the model hold at most {@code bytes} of spans and threads ({@link #SPAN_BYTES}, {@link #THREAD_BYTES}
     * each); past that, spans, wakes and new threads are counted but left out, and the model is partial.
     */
    public void heapBudget(long bytes) {
        budget.give(bytes);
        leftOut.limitTo(bytes);
    }

    /** The reader holds {@code bytes} beside the model now (what it indexes of the chunk it reads): less room for it. */
    public void readerHolds(long bytes) {
        budget.reader(bytes);
    }

    /** The budget for a report in a JVM whose heap may grow to {@code maxHeap}: what is left beyond a reserve. */
    public static long budgetFor(long maxHeap) {
        long reserve = Math.max(RESERVE_FLOOR, maxHeap / 4);
        return Math.max(8L << 20, maxHeap - reserve);
    }

    /** Counts one event of this type spanning {@code [start, end]} (epoch nanoseconds). */
    public void event(String type, long start, long end) {
        eventCount++;
        eventTime = start;
        budget.strings(strings.bytes()); // the last event's new strings
        if (budget.compactionDue()) {
            cutAt(budget.cut()); // between events: no caller holds a thread it drops
        }
        if (type != lastType) {
            eventTypes.add(type);
            lastType = type;
        }
        if (start < minTime) {
            minTime = start;
        }
        long last = Math.max(start, end);
        if (last > maxTime) {
            maxTime = last;
        }
        if (last < firstEnd) {
            firstEnd = last;
        }
    }

    /** The thread with this id, created on first use; {@code null} when the {@link #heapBudget} has no room for it. */
    public ThreadInfo thread(long id) {
        int i = index.get(id);
        if (i >= 0) {
            return threads.get(i);
        }
        if (!budget.keepThread(eventTime)) {
            leftOut.add(id);
            return null;
        }
        leftOut.takenIn(id);
        ThreadInfo t = new ThreadInfo(id);
        t.chargedAt = eventTime;
        index.put(id, threads.size());
        threads.add(t);
        return t;
    }

    /**
     * Changes whenever threads leave the model: a thread looked up before is looked up again
     * ({@link ThreadInfo} objects of threads the model dropped must not be filled).
     */
    public int generation() {
        return generation;
    }

    /**
     * Whether a span or wake starting at {@code start} will be left out, the cut having passed it: counted so,
     * it need not be decoded. {@code false}: add it as usual, which decides.
     */
    public boolean pastCut(long start) {
        return budget.pastCut(start);
    }

    /** The thread with this id, its name (ignored if empty) and virtual flag updated. */
    public ThreadInfo thread(long id, String name, boolean virtual) {
        ThreadInfo t = thread(id);
        return t == null ? null : named(t, name, virtual);
    }

    /** {@code t} with its name (ignored if empty) and virtual flag updated: {@link #thread(long, String, boolean)} without the lookup. */
    public ThreadInfo named(ThreadInfo t, String name, boolean virtual) {
        t.name(name);
        t.virtual(virtual);
        return t;
    }

    public void daemon(ThreadInfo t, boolean daemon) {
        t.daemon(daemon);
    }

    /** An event happened on {@code t} during {@code [start, end]}. */
    public void seen(ThreadInfo t, long start, long end) {
        if (start < t.firstSeen) {
            t.firstSeen = start;
            began(t, start);
        }
        long last = Math.max(start, end);
        if (last > t.lastSeen) {
            t.lastSeen = last;
        }
    }

    /** {@code t} was started at {@code time} by the thread with id {@code parentId} ({@code -1} unknown). */
    public void started(ThreadInfo t, long time, long parentId) {
        if (time < t.startEvent) {
            t.startEvent = time;
            began(t, time);
        }
        t.parentId(parentId);
    }

    public void ended(ThreadInfo t, long time) {
        if (time > t.endEvent) {
            t.endEvent = time;
        }
    }

    public void workload(ThreadInfo t, long start, long end, String method) {
        workload(t, start, end, method, null);
    }

    /** A workload span; {@code stack} is its top frames as text, {@code null} when not recorded. */
    public void workload(ThreadInfo t, long start, long end, String method, String stack) {
        if (budget.keepSpan(start)) {
            t.workloadsToFill().add(start, end, strings.id(method), strings.id(stack));
        }
    }

    /** A wait span from the agent: already the outermost API call. */
    public void agentWait(ThreadInfo t, long start, long end, String kind, String api, String blockerClass,
                          int blockerId, long targetThread, boolean timed) {
        agentWait(t, start, end, kind, api, blockerClass, blockerId, targetThread, timed, null);
    }

    /** A wait span from the agent; {@code stack} is its top frames as text, {@code null} when not recorded. */
    public void agentWait(ThreadInfo t, long start, long end, String kind, String api, String blockerClass,
                          int blockerId, long targetThread, boolean timed, String stack) {
        agentWait(t, start, end, kind, api, blockerClass, blockerId, targetThread, timed, stack, null);
    }

    /** A wait span from the agent, with what it waited for ({@code detail}: an address, a process; may be null). */
    public void agentWait(ThreadInfo t, long start, long end, String kind, String api, String blockerClass,
                          int blockerId, long targetThread, boolean timed, String stack, String detail) {
        if (!budget.keepSpan(start)) {
            return;
        }
        t.waitsToFill().add(start, end, strings.id(kind == null || kind.isEmpty() ? WaitKinds.UNKNOWN : kind),
                strings.id(api), strings.id(blockerClass), blockerId, targetThread, -1, strings.id(stack),
                strings.id(detail), timed ? WaitSpans.TIMED : 0);
    }

    /**
     * A wait from a built-in JDK event; merged at build time into an agent wait that covers it. For
     * kind {@value #MONITOR_WAIT} the target is the notifier (the JVM's {@code jdk.JavaMonitorWait}),
     * which the covering agent span keeps as its {@link WaitSpans#notifier(int)}.
     */
    public void builtInWait(ThreadInfo t, long start, long end, String kind, String api, String blockerClass,
                            long targetThread, boolean timed) {
        builtInWait(t, start, end, kind, api, blockerClass, targetThread, timed, null);
    }

    /** A wait from a built-in JDK event, with its top frames as text ({@code null} when not recorded). */
    public void builtInWait(ThreadInfo t, long start, long end, String kind, String api, String blockerClass,
                            long targetThread, boolean timed, String stack) {
        builtInWait(t, start, end, kind, api, blockerClass, targetThread, timed, stack, null);
    }

    /** A wait from a built-in JDK event naming what it waited for ({@code detail}: the address, the file; may be null). */
    public void builtInWait(ThreadInfo t, long start, long end, String kind, String api, String blockerClass,
                            long targetThread, boolean timed, String stack, String detail) {
        if (!budget.keepSpan(start)) {
            return;
        }
        long notifier = MONITOR_WAIT.equals(kind) ? targetThread : -1;
        t.builtInWaitsToFill().add(start, end, strings.id(kind), strings.id(api), strings.id(blockerClass), 0,
                targetThread, notifier, strings.id(stack), strings.id(detail),
                WaitSpans.BUILT_IN | (timed ? WaitSpans.TIMED : 0));
    }

    /** A virtual thread was pinned to its carrier while it waited; {@code stack} the frames that pinned it. */
    public void pinned(ThreadInfo t, long start, long end, String stack, String reason) {
        if (budget.keepSpan(start)) {
            t.pinsToFill().add(start, end, strings.id(stack), strings.id(reason));
        }
    }

    /** The thread's group as JFR recorded it. */
    public void group(ThreadInfo t, String group) {
        t.group(group);
    }

    /** The thread's class and the agent's word on whether it is one of the JDK's own. */
    public void threadClass(ThreadInfo t, String cls, boolean jdk) {
        t.threadClass(cls, jdk);
    }

    public void wake(ThreadInfo t, long time, long wokenThread, int blockerId, String how) {
        if (budget.keepSpan(time)) {
            t.wakesToFill().add(time, wokenThread, blockerId, strings.id(how));
        }
    }

    public void aliveAtExit(ThreadInfo t, AliveAtExit entry) {
        t.markAliveAtExit();
        alive.add(entry);
    }

    public void agentStatus(AgentStatus status) {
        this.agentStatus = status;
    }

    /** The files the agent read and wrote while it recorded ({@code weft.AgentStatus}), one per line; null: none named. */
    public void agentFiles(String lines) {
        if (lines != null && !lines.isBlank()) {
            agentFiles = List.of(lines.strip().split("\\R"));
        }
    }

    /**
     * {@code t} was blocked when wait sample {@code sample} was taken (a {@code weft.WaitInProgress}):
     * since {@code since} (epoch nanoseconds, {@code Long.MIN_VALUE} when unknown), on what it says.
     * The latest sample per thread is kept; the span comes from it only if the wait's own event is not
     * in the recording.
     */
    public void waitInProgress(ThreadInfo t, long sample, long since, String kind, String api, String blockerClass,
                               int blockerId, long targetThread) {
        if (t.openWait != null && sample < t.openWait.sample()) {
            return;
        }
        t.openWait = new OpenWait(sample, since, kind == null || kind.isEmpty() ? "wait" : kind, api, blockerClass,
                blockerId, targetThread);
        if (since != Long.MIN_VALUE) {
            began(t, since);
        }
    }

    /**
     * {@code t} began by {@code time}: its charge in the budget moves there if that is earlier than where it
     * was charged (at the event that named it first, which in file order may come after earlier ones).
     */
    private void began(ThreadInfo t, long time) {
        if (time < t.chargedAt) {
            budget.threadBeganAt(t.chargedAt, time);
            t.chargedAt = time;
        }
    }

    /** A span or wake of a thread the budget left out: counted among what was left out. */
    public void spanOfThreadLeftOut() {
        budget.spanOfThreadLeftOut();
    }

    /**
     * Wait sample {@code sample} was complete at {@code time}: its {@code listed} waits in progress (of
     * {@code inProgress}) came before it ({@code weft.WaitSample}).
     */
    public void waitSample(long sample, long time, int inProgress, int listed) {
        if (sample > lastSample) {
            lastSample = sample;
            lastSampleTime = time;
            sampleInProgress = inProgress;
            sampleListed = listed;
        }
    }

    /** The agent's recording limits ({@code weft.AgentStatus}): the report then says what they left out. */
    public void recordingLimits(RecordingLimits limits) {
        this.limits = limits;
    }

    /** JFR lost {@code bytes} of events (a {@code jdk.DataLoss} event: buffers it could not copy out). */
    public void dataLoss(long bytes) {
        dataLoss += Math.max(0, bytes);
    }

    public void warning(String warning) {
        if (warnings.size() < 20 && !warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    /** Reading stopped early: the model holds what was readable. */
    public void partial(String why) {
        if (partialReason == null) {
            partialReason = why;
        }
        warning(why);
    }

    public long eventCount() {
        return eventCount;
    }

    /**
     * A copy of what was collected so far, sharing nothing with this builder: it can be built into a
     * model on another thread while this one collects on (a live view does so every second). The copy
     * is a memory copy of the columns; building it (sorting, merging) is the part worth moving away.
     */
    public ModelBuilder copy() {
        ModelBuilder copy = new ModelBuilder(source, strings.copy());
        for (ThreadInfo t : threads) {
            copy.index.put(t.id(), copy.threads.size());
            copy.threads.add(t.copy());
        }
        copy.alive.addAll(alive);
        copy.eventTypes.addAll(eventTypes);
        copy.warnings.addAll(warnings);
        copy.agentStatus = agentStatus;
        copy.agentFiles = agentFiles;
        copy.minTime = minTime;
        copy.maxTime = maxTime;
        copy.firstEnd = firstEnd;
        copy.eventCount = eventCount;
        copy.partialReason = partialReason;
        copy.dataLoss = dataLoss;
        copy.limits = limits;
        copy.lastSample = lastSample;
        copy.lastSampleTime = lastSampleTime;
        copy.sampleInProgress = sampleInProgress;
        copy.sampleListed = sampleListed;
        return copy;
    }

    /** The model of what was collected so far, leaving this builder as it was to collect on. */
    public Model snapshot() {
        return copy().build();
    }

    /**
     * Forgets everything that ended before {@code time} (epoch nanoseconds), and the threads that ended
     * before it: a live view keeps a sliding window, its memory bounded by it.
     */
    public void forgetBefore(long time) {
        ArrayList<ThreadInfo> kept = new ArrayList<>(threads.size());
        for (ThreadInfo t : threads) {
            if (t.retainFrom(time)) {
                kept.add(t);
            }
        }
        keepOnly(kept);
        if (minTime < time) {
            minTime = time;
        }
        if (firstEnd < time) {
            firstEnd = time;
        }
    }

    /**
     * Keeps what began before {@code time}, ended by it, and counts the rest as left out: the model of a
     * recording that stopped at {@code time}. The threads that began later go, and what the exit saw of them.
     */
    private void cutAt(long time) {
        ArrayList<ThreadInfo> kept = new ArrayList<>(threads.size());
        long spans = 0;
        for (ThreadInfo t : threads) {
            spans += t.cutAt(time);
            if (t.beganBefore(time)) {
                kept.add(t);
            } else {
                leftOut.add(t.id());
            }
        }
        ChargeHistogram charges = new ChargeHistogram();
        long unplaced = 0;
        if (budget.byTime()) {
            for (ThreadInfo t : kept) {
                unplaced += t.chargeTo(charges, THREAD_BYTES / SPAN_BYTES);
            }
        }
        budget.compacted(spans, charges, unplaced);
        keepOnly(kept);
    }

    /** Keeps only the threads {@code kept} (in their order) and what the exit saw of them. */
    private void keepOnly(ArrayList<ThreadInfo> kept) {
        if (kept.size() == threads.size()) {
            return;
        }
        generation++; // whoever holds a thread looks it up again
        threads.clear();
        threads.addAll(kept);
        index.clear();
        for (int i = 0; i < threads.size(); i++) {
            index.put(threads.get(i).id(), i);
        }
        alive.removeIf(a -> index.get(a.threadId()) < 0);
    }

    /** Threads collected so far. */
    public int threadCount() {
        return threads.size();
    }

    public Model build() {
        long recorded = maxTime;
        boolean cut = budget.leavingOut();
        if (cut) {
            cutAt(budget.cut());
            maxTime = Math.min(maxTime, budget.cut());
            minTime = Math.min(minTime, budget.cut());
            // what the agent saw alive at exit stays (of the threads kept): the exit came after the cut, but
            // that they were cut short by it is as true as before; the viewer draws no time from it
        }
        long start = minTime == Long.MAX_VALUE ? 0 : minTime;
        long end = maxTime == Long.MIN_VALUE ? start : maxTime;
        long merged = 0;
        SpanNesting nesting = new SpanNesting();
        BuiltInMerge merge = new BuiltInMerge(strings, agentFiles);
        long open = 0;
        for (ThreadInfo t : threads) {
            if (openWait(t, end, cut)) {
                open++;
            }
        }
        String limited = RecordingLimits.coverage(limits, firstEnd, end);
        if (limited != null) {
            warning(limited);
        }
        for (ThreadInfo t : threads) {
            t.sortAndTrimTables();
            nesting.check(t);
            if (t.builtInWaits != null) {
                t.builtInWaits.sortAndTrim();
                merged += merge.merge(t);
                t.builtInWaits = null;
            }
            t.close(end);
            start = Math.min(start, t.start());
            end = Math.max(end, t.end());
        }
        if (!cut) {
            flagVirtualThreadsCutShort(end); // a thread alive at the cut was not cut short by the exit
        }
        String tooLarge = budget.partialReason(start, end, recorded, leftOut);
        if (tooLarge != null) {
            partial(tooLarge);
        }
        String crossing = nesting.finding();
        if (crossing != null) {
            partial(crossing);
        }
        ArrayList<ThreadInfo> ordered = new ArrayList<>(threads);
        ordered.sort(ModelBuilder::laneOrder);
        Model.Sample sample = lastSample < 0 ? null
                : new Model.Sample(lastSampleTime, sampleInProgress, sampleListed, open);
        return new Model(source, start, end, ordered, strings, agentStatus, alive, eventTypes, warnings, partialReason,
                eventCount, merged, dataLoss, sample, limits);
    }

    /** Lanes: main first (the one with most workload first), then by start and id; one comparator, not a chain. */
    private static int laneOrder(ThreadInfo a, ThreadInfo b) {
        boolean aMain = "main".equals(a.name());
        if (aMain != "main".equals(b.name())) {
            return aMain ? -1 : 1;
        }
        int more = aMain ? Integer.compare(b.workloads().size(), a.workloads().size()) : 0;
        int byStart = more != 0 ? more : Long.compare(a.start(), b.start());
        return byStart != 0 ? byStart : Long.compare(a.id(), b.id());
    }

    /**
     * A wait the last sample saw in progress whose own event is not in the recording becomes a span
     * to the end, flagged {@link WaitSpans#OPEN}: added before built-in waits are merged, so that the
     * JVM's events inside it (a park that came back early) fall under it.
     */
    private boolean openWait(ThreadInfo t, long end, boolean cut) {
        OpenWait o = t.openWait;
        if (o == null || o.sample() != lastSample || lastSample < 0 || t.endEvent != Long.MIN_VALUE) {
            return false;
        }
        if (cut && (o.since() == Long.MIN_VALUE || o.since() >= end)) {
            return false; // it began after the cut, or nobody knows when
        }
        long sampled = cut ? Math.min(lastSampleTime, end) : lastSampleTime; // waits are cut at the end
        if (holds(t.waits(), sampled) || holds(t.builtInWaits(), sampled)) {
            return false; // the wait ended after the sample and before the recording did: its own span is here
        }
        long since = o.since() == Long.MIN_VALUE ? lastSampleTime : Math.min(o.since(), lastSampleTime);
        t.waitsToFill().add(since, Math.max(since, end), strings.id(o.kind()), strings.id(o.api()),
                strings.id(o.blockerClass()), o.blockerId(), o.target(), -1, StringTable.NONE, StringTable.NONE,
                WaitSpans.OPEN);
        return true;
    }

    /**
     * A virtual thread seen to start and never to end, in a recording that lasted until the JVM
     * exited (JFR's {@code jdk.Shutdown}) and that records virtual-thread ends, was cut short by the
     * exit: the forgotten wait of virtual threads, which the agent cannot enumerate at shutdown.
     */
    private void flagVirtualThreadsCutShort(long end) {
        boolean exited = eventTypes.contains("jdk.Shutdown");
        boolean endsRecorded = agentStatus != null || eventTypes.contains("jdk.VirtualThreadEnd");
        if (!exited || !endsRecorded) {
            return;
        }
        for (ThreadInfo t : threads) {
            if (t.isVirtual() && t.startSeen() && !t.endSeen() && !t.aliveAtExit() && !t.isSystem()) {
                aliveAtExit(t, new AliveAtExit(t.id(), t.displayName(), true, true, "unknown",
                        "a virtual thread that never ended: no jdk.VirtualThreadEnd before the JVM exited", end));
            }
        }
    }

    /** Whether a span of {@code spans} was in progress at {@code time}: a thread is in one outermost wait at a time. */
    private static boolean holds(WaitSpans spans, long time) {
        for (int i = 0; i < spans.size(); i++) {
            if (spans.start(i) <= time + MERGE_SLACK_NANOS && spans.end(i) >= time) {
                return true;
            }
        }
        return false;
    }
}
