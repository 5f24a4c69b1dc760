package dev.weft.reports.read;

import dev.weft.reports.read.ChunkTypes.Type;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one chunk of a recording: its header, its metadata and constant pools ({@link #prepare()},
 * which may run on another thread), then its events in file order, each decoded as far as the report
 * needs it and skipped by its size after that ({@link #events}). While reading it checks what JFR
 * writes twice, and reports what does not agree to {@link Findings}.
 */
final class ChunkReader implements EventView {

    static final int HEADER = ChunkScan.HEADER_SIZE;
    /** The largest chunk one buffer holds. */
    static final long MAX_CHUNK_BYTES = Integer.MAX_VALUE - 8;
    /** Type ids below this are planned in an array; a larger one (a damaged or strange file) in a map. */
    private static final long MAX_PLANNED_ID = 1 << 16;

    final long fileOffset;
    final int size;
    final int constants;
    final int metadata;
    final long startNanos;
    final long durationNanos;
    final long startTicks;
    final long ticksPerSecond;
    final boolean finished;
    final String label;

    private final JfrBytes in;
    private ChunkTypes types;
    private ChunkPools pools;
    private Map<Long, EventPlan> planById;
    private EventPlan[] plans;
    private Type classType;
    private Type stackType;
    private Clock clock;
    private Consumer<String> warnings;

    // the event being read
    private EventPlan plan;
    /** Per thread key the pools lack: how often the agent's events name it (rare: a map is cheap). */
    private final Map<Long, Integer> unresolved = new HashMap<>();
    /** The key of the thread that committed the JVM's shutdown event, when the pools lack it. */
    private long shutdownThread;
    private final long[] values = new long[EventFields.FIELDS];
    private long startTime;
    private long endTime;
    private long endTicks;
    private final long[] pooled = new long[1];
    private int threadsCached = Integer.MAX_VALUE;
    private boolean compactIndexes;

    private ChunkReader(JfrBytes in, byte state, long fileOffset, int index) {
        this.in = in;
        this.fileOffset = fileOffset;
        this.size = in.limit();
        this.constants = (int) in.rawLong(16);
        this.metadata = (int) in.rawLong(24);
        this.startNanos = in.rawLong(32);
        this.durationNanos = in.rawLong(40);
        this.startTicks = in.rawLong(48);
        this.ticksPerSecond = in.rawLong(56);
        this.finished = state == 0;
        this.label = index == 0 ? "the first chunk" : "chunk " + (index + 1);
    }

    /**
     * Reads the chunk of {@code size} bytes at {@code offset} (its header already checked by {@link ChunkScan})
     * into the heap, or maps it when {@code inHeap} is false. Read where the heap has room: under C1, which
     * the reports run with, every byte of a mapped buffer passes its memory session's checks, which cost more
     * than decoding the byte, and a mapping's pages count in the process's resident size until it is collected.
     */
    static ChunkReader read(FileChannel channel, long offset, long size, int index, boolean inHeap) throws IOException {
        if (size > MAX_CHUNK_BYTES) {
            throw new IOException("a chunk of " + size + " bytes is more than one buffer holds");
        }
        if (!inHeap) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, offset, size);
            return new ChunkReader(new JfrBytes(mapped), mapped.get(ChunkScan.FILE_STATE), offset, index);
        }
        byte[] bytes = new byte[(int) size];
        ByteBuffer into = ByteBuffer.wrap(bytes);
        while (into.hasRemaining()) {
            if (channel.read(into, offset + into.position()) < 0) {
                throw new IOException("the file ends " + into.remaining() + " bytes into chunk " + (index + 1));
            }
        }
        return new ChunkReader(new JfrBytes(bytes), bytes[ChunkScan.FILE_STATE], offset, index);
    }

    /** Reads the metadata and indexes the constant pools; an exception means they are damaged. */
    void prepare() {
        in.pos = metadata;
        long metaSize = in.varLong();
        long type = in.varLong();
        if (type != ChunkTypes.METADATA || metaSize <= 0 || metaSize > size - metadata) {
            throw new IllegalStateException("no metadata at byte " + metadata + " (event type " + type + ")");
        }
        types = ChunkTypes.read(in);
        if (in.pos != metadata + metaSize) {
            throw new IllegalStateException("the metadata declares " + metaSize + " bytes but holds "
                    + (in.pos - metadata));
        }
        pools = new ChunkPools(in, types);
        pools.fitHeap(threadsCached, compactIndexes);
        pools.index(constants);
        classType = types.named(WeftSchema.CLASS);
        stackType = types.named("jdk.types.StackTrace");
        planById = new HashMap<>();
        plans = new EventPlan[256];
    }

    /**
     * Keeps at most {@code n} decoded threads at a time and, {@code compact}, indexes its pools in less heap
     * (set before {@link #prepare}).
     */
    void fitHeap(int n, boolean compact) {
        threadsCached = n;
        compactIndexes = compact;
    }

    /** Heap its pools' indexes take beside the model ({@link ChunkPools#bytes}). */
    long poolBytes() {
        return pools == null ? 0 : pools.bytes();
    }

    /** Ticks of the newest constant pool: written when the chunk was last flushed or closed. */
    long lastCheckpointTicks() {
        return pools.lastCheckpointTicks;
    }

    /**
     * References from the agent's events to threads the pools do not hold, so far. The agent's events
     * are committed by live threads, which the chunk's pool holds (a later chunk may leave one to the
     * chunk before, as it does stack traces: only the first chunk's count means damage). Not counted:
     * the JVM's own events; a wait's target thread, which may have ended before the chunk began (a join of a
     * thread whose chunks {@code maxsize} dropped); and the thread that shut the JVM down. JDK 17 never pools the thread that
     * attaches to end the JVM (DestroyJavaVM), so its events, the agent's exit events among them, and
     * the JVM's own statistics name a thread that is not there; the JDK's parser reads it as none.
     */
    long unresolved() {
        long n = 0;
        for (Map.Entry<Long, Integer> e : unresolved.entrySet()) {
            n += e.getKey() == shutdownThread ? 0 : e.getValue();
        }
        return n;
    }

    /** How an agent event type differs from {@link WeftSchema}. */
    private static List<String> schemaMismatches(Type t) {
        List<String> problems = new ArrayList<>();
        Map<String, String> expected = WeftSchema.events().get(t.name);
        if (expected != null) {
            Map<String, String> actual = new LinkedHashMap<>();
            for (ChunkTypes.Field f : t.fields) {
                if (!WeftSchema.IMPLICIT.contains(f.name)) {
                    actual.put(f.name, f.type.name + (f.array ? "[]" : ""));
                }
            }
            WeftSchema.compare(t.name, expected, actual, problems);
        }
        return problems;
    }

    /**
     * Feeds the chunk's events to {@code sink}, converting ticks with {@code clock} (as the JDK does,
     * the first chunk's clock serves the whole file). Events that are damaged are left out and reported;
     * agent event types that differ from the schema are {@code warnings}.
     */
    void events(EventSink sink, Clock clock, Findings findings, Consumer<String> warnings) {
        this.warnings = warnings;
        this.clock = clock;
        int[] checkpoints = new int[pools.checkpoints.size()];
        for (int i = 0; i < checkpoints.length; i++) {
            checkpoints[i] = pools.checkpoints.get(i);
        }
        Arrays.sort(checkpoints);
        int visited = 0;
        // an event is committed while its chunk is open: it ends before the chunk's end; a thread held up
        // between ending an event and committing it may commit it into the next chunk, though
        long windowStart = startTicks - ticks(FastParser.LATE_COMMIT_NANOS);
        long windowEnd = finished && durationNanos > 0 ? startTicks + ticks(durationNanos) + ticks(clock.slackNanos())
                : Long.MAX_VALUE;
        int pos = HEADER;
        while (pos < size) {
            int eventSize;
            long typeId;
            try {
                in.pos = pos;
                long declared = in.varLong();
                if (declared <= 0 || declared > size - pos) {
                    throw new IllegalStateException("an event size of " + declared);
                }
                eventSize = (int) declared;
                typeId = in.varLong();
            } catch (RuntimeException e) {
                pos = resync(checkpoints, pos, findings, "no event could be read");
                continue;
            }
            if (typeId == ChunkTypes.CHECKPOINT) {
                visited += Arrays.binarySearch(checkpoints, pos) >= 0 ? 1 : 0;
            } else if (typeId != ChunkTypes.METADATA) {
                EventPlan p = plan(typeId);
                if (p == null) {
                    pos = resync(checkpoints, pos, findings, "an event of an undefined type " + typeId);
                    continue;
                }
                String problem = decode(p, pos, pos + eventSize);
                if (problem == null && (endTicks < windowStart || endTicks > windowEnd)) {
                    problem = "it ends outside the chunk's time";
                }
                if (problem != null) {
                    findings.event(label, fileOffset + pos, p.type.name, problem);
                } else {
                    sink.accept(p.code, p.type.name, this);
                }
            }
            pos += eventSize;
        }
        if (visited != checkpoints.length) {
            findings.damage(label + ": the events pass " + visited + " of its " + checkpoints.length
                    + " constant pools, so their sizes do not add up");
        }
    }

    /** Where a chunk ended, by both clocks: what the next chunk's header is checked against. */
    record Ending(String label, boolean finished, long endNanos, double endTicks) {
    }

    Ending ending() {
        return new Ending(label, finished, startNanos + durationNanos, startTicks + (double) ticks(durationNanos));
    }

    /** This chunk's own clock rate, from its header: {@code nanos} in ticks. */
    long ticks(long nanos) {
        return (long) (nanos * ((double) ticksPerSecond / 1_000_000_000L));
    }

    /** Goes on at the next constant pool after a break in the events at {@code pos}, or at the end. */
    private int resync(int[] checkpoints, int pos, Findings findings, String what) {
        for (int cp : checkpoints) {
            if (cp > pos) {
                findings.lost(label, fileOffset + pos, cp - pos, what);
                return cp;
            }
        }
        findings.lost(label, fileOffset + pos, size - pos, what);
        return size;
    }

    private EventPlan plan(long typeId) {
        if (typeId >= plans.length && typeId < MAX_PLANNED_ID) {
            // the JDK numbers event types densely; custom ones (weft.*) come after its own
            plans = Arrays.copyOf(plans, (int) Math.min(MAX_PLANNED_ID, Math.max(typeId + 1, plans.length * 2L)));
        }
        if (typeId >= 0 && typeId < plans.length) {
            EventPlan p = plans[(int) typeId];
            if (p == null) {
                p = newPlan(typeId);
                plans[(int) typeId] = p;
            }
            return p;
        }
        EventPlan p = planById.get(typeId);
        if (p == null && !planById.containsKey(typeId)) {
            p = newPlan(typeId);
            planById.put(typeId, p);
        }
        return p;
    }

    private EventPlan newPlan(long typeId) {
        Type t = types.get(typeId);
        if (t == null || !t.event) {
            return null;
        }
        for (String problem : schemaMismatches(t)) {
            warnings.accept(WeftSchema.warning(problem));
        }
        return new EventPlan(t);
    }

    /** Decodes the fields of the event in {@code [begin, end)}; returns what is wrong with it, or {@code null}. */
    private String decode(EventPlan p, int begin, int end) {
        plan = p;
        long startTicks = 0;
        long durationTicks = 0;
        try {
            Type type = p.type;
            for (int i = 0; i < p.decoded; i++) {
                switch (p.actions[i]) {
                    case EventPlan.START -> startTicks = in.varLong();
                    case EventPlan.DURATION -> durationTicks = in.varLong();
                    case EventPlan.STRING -> {
                        values[p.targets[i]] = in.pos;
                        in.skipString();
                    }
                    case EventPlan.BOOL, EventPlan.BYTE -> values[p.targets[i]] = in.u1();
                    case EventPlan.INT -> values[p.targets[i]] = (int) in.varLong();
                    case EventPlan.SHORT -> values[p.targets[i]] = (short) in.varLong();
                    case EventPlan.SKIP -> pools.skipField(type.fields[i], 0);
                    default -> values[p.targets[i]] = in.varLong();
                }
            }
        } catch (RuntimeException e) {
            return "its fields cannot be decoded (" + e.getMessage() + ")";
        }
        if (in.pos > end || (p.whole && in.pos != end)) {
            return "its fields take " + (in.pos - begin) + " bytes, its size says " + (end - begin);
        }
        if (durationTicks < 0) {
            return "its duration is negative";
        }
        endTicks = startTicks + durationTicks;
        startTime = clock.nanos(startTicks);
        endTime = clock.nanos(endTicks);
        return null;
    }

    // ---- EventView over the event just decoded

    @Override
    public long start() {
        return startTime;
    }

    @Override
    public long end() {
        return endTime;
    }

    @Override
    public boolean has(int field) {
        return plan.kinds[field] != EventPlan.SKIP;
    }

    @Override
    public String string(int field) {
        switch (plan.kinds[field]) {
            case EventPlan.STRING: {
                int saved = in.pos;
                in.pos = (int) values[field];
                String s = in.string(pooled);
                in.pos = saved;
                return s == JfrBytes.POOLED ? pools.string(pooled[0]) : s;
            }
            case EventPlan.STRING_KEY:
                return pools.string(values[field]);
            default:
                return null;
        }
    }

    @Override
    public long number(int field, long fallback) {
        return EventPlan.isNumber(plan.kinds[field]) ? values[field] : fallback;
    }

    @Override
    public long timestamp(int field) {
        return EventPlan.isNumber(plan.kinds[field]) && values[field] != 0 ? clock.nanos(values[field]) : Long.MIN_VALUE;
    }

    @Override
    public boolean bool(int field) {
        return plan.kinds[field] == EventPlan.BOOL && values[field] != 0;
    }

    @Override
    public ThreadRef thread(int field) {
        if (plan.kinds[field] != EventPlan.THREAD) {
            return null;
        }
        long key = values[field];
        ThreadRef t = pools.thread(key);
        if (t == null && key != 0) {
            if (plan.shutdown) {
                shutdownThread = key;
            } else if (plan.agents && field != EventFields.TARGET_THREAD) {
                // a join's target may have ended before this chunk began, and JFR pools live threads only
                unresolved.merge(key, 1, Integer::sum);
            }
        }
        return t;
    }

    @Override
    public String className(int field) {
        return plan.kinds[field] == EventPlan.CLASS && classType != null ? pools.className(classType, values[field])
                : null;
    }

    @Override
    public String stack() {
        return plan.kinds[EventFields.STACK_TRACE] == EventPlan.STACK && stackType != null
                ? pools.stack(stackType, values[EventFields.STACK_TRACE], false) : null;
    }

    @Override
    public String pinStack() {
        return plan.kinds[EventFields.STACK_TRACE] == EventPlan.STACK && stackType != null
                ? pools.stack(stackType, values[EventFields.STACK_TRACE], true) : null;
    }

    /** Converts ticks to epoch nanoseconds as the JDK's parser does: with the first chunk's header. */
    static final class Clock {
        private final long startNanos;
        private final long startTicks;
        private final double divisor;
        private final long slackNanos;

        Clock(ChunkReader first, long slackNanos) {
            this.startNanos = first.startNanos;
            this.startTicks = first.startTicks;
            this.divisor = (double) first.ticksPerSecond / 1_000_000_000L;
            this.slackNanos = slackNanos;
        }

        long nanos(long ticks) {
            return startNanos + (long) ((ticks - startTicks) / divisor);
        }

        /** How far an event may end outside its chunk's time before it counts as damaged. */
        long slackNanos() {
            return slackNanos;
        }
    }
}
