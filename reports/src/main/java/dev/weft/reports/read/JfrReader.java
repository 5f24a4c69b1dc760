package dev.weft.reports.read;

import dev.weft.reports.ReportException;
import dev.weft.reports.model.AgentStatus;
import dev.weft.reports.model.AliveAtExit;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitKinds;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a recording into a {@link Model}, one event at a time.
 *
 * <p>Truncated or corrupt data after some readable events gives a partial model with a warning;
 * a file with nothing readable gives a {@link ReportException} with a one-line message.
 */
public final class JfrReader {

    private static final int OTHER = 0;
    private static final int WORKLOAD = 1;
    private static final int WAIT = 2;
    private static final int WAKE = 3;
    private static final int WEFT_THREAD_START = 4;
    private static final int ALIVE_AT_EXIT = 5;
    private static final int AGENT_STATUS = 6;
    private static final int THREAD_START = 7;
    private static final int THREAD_END = 8;
    private static final int VIRTUAL_START = 9;
    private static final int VIRTUAL_END = 10;
    private static final int SLEEP = 11;
    private static final int PARK = 12;
    private static final int MONITOR_WAIT = 13;
    private static final int MONITOR_ENTER = 14;
    private static final int DATA_LOSS = 15;
    private static final int SOCKET_IO = 16;
    private static final int FILE_IO = 17;
    private static final int PINNED = 18;
    private static final int VIRTUAL_BLOCKED = 19;

    private static final int CACHE_LIMIT = 1 << 16;

    private static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("weft.Workload", WORKLOAD),
            Map.entry("weft.Wait", WAIT),
            Map.entry("weft.Wake", WAKE),
            Map.entry("weft.ThreadStart", WEFT_THREAD_START),
            Map.entry("weft.ThreadAliveAtExit", ALIVE_AT_EXIT),
            Map.entry("weft.AgentStatus", AGENT_STATUS),
            Map.entry("jdk.ThreadStart", THREAD_START),
            Map.entry("jdk.ThreadEnd", THREAD_END),
            Map.entry("jdk.VirtualThreadStart", VIRTUAL_START),
            Map.entry("jdk.VirtualThreadEnd", VIRTUAL_END),
            Map.entry("jdk.ThreadSleep", SLEEP),
            Map.entry("jdk.ThreadPark", PARK),
            Map.entry("jdk.JavaMonitorWait", MONITOR_WAIT),
            Map.entry("jdk.JavaMonitorEnter", MONITOR_ENTER),
            Map.entry("jdk.DataLoss", DATA_LOSS),
            Map.entry(EventFields.SOCKET_READ, SOCKET_IO),
            Map.entry(EventFields.SOCKET_WRITE, SOCKET_IO),
            Map.entry(EventFields.FILE_READ, FILE_IO),
            Map.entry(EventFields.FILE_WRITE, FILE_IO),
            Map.entry(EventFields.PINNED, PINNED),
            Map.entry(EventFields.VIRTUAL_BLOCKED, VIRTUAL_BLOCKED));

    private final ModelBuilder builder;
    private final Map<EventType, TypeInfo> types = new IdentityHashMap<>();
    /** The field names of the event being read: RecordedObject.hasField scans the fields by name. */
    private Set<String> fields = Set.of();
    /** Per constant-pool object, what its getters gave: each getter is a lookup by name. */
    private final Map<RecordedThread, ThreadInfo> threads = new IdentityHashMap<>();
    private final Map<RecordedThread, Long> threadIds = new IdentityHashMap<>();
    private final Map<RecordedClass, String> classNames = new IdentityHashMap<>();
    private RecordedThread lastRecorded;
    private ThreadInfo lastThread;
    private long skipped;
    /** Events read so far, for the {@link StallGuard} on another thread. */
    private volatile long progress;
    private long accepted;
    private final Map<RecordedStackTrace, String> stacks = new IdentityHashMap<>();
    /** Frames of a stack trace kept per span: where it was, not the whole way there. */
    private static final int STACK_FRAMES = 8;

    private JfrReader(ModelBuilder builder) {
        this.builder = builder;
    }

    /** Reads {@code jfr} into a model. */
    public static Model read(Path jfr) throws ReportException {
        if (jfr == null) {
            throw new ReportException("no recording given");
        }
        String name = jfr.toString();
        if (Files.isDirectory(jfr)) {
            throw new ReportException("cannot read " + name + ": it is a directory, not a .jfr file");
        }
        if (!Files.exists(jfr)) {
            throw new ReportException("cannot read " + name + ": no such file");
        }
        if (!Files.isReadable(jfr)) {
            throw new ReportException("cannot read " + name + ": permission denied");
        }
        try {
            if (Files.size(jfr) == 0) {
                throw new ReportException("cannot read " + name + ": the file is empty");
            }
        } catch (IOException e) {
            throw new ReportException("cannot read " + name + ": " + describe(e));
        }
        return read(jfr, StallGuard.DEFAULT_STALL_NANOS);
    }

    /** {@link #read(Path)}, giving up when the parser makes no progress for {@code stallNanos}. */
    static Model read(Path jfr, long stallNanos) throws ReportException {
        String name = jfr.toString();
        ChunkScan scan;
        try {
            scan = ChunkScan.of(jfr);
        } catch (IOException e) {
            throw new ReportException("cannot read " + name + ": " + describe(e));
        }
        if (scan.chunks == 0) {
            throw new ReportException("cannot read " + name + ": " + scan.damage
                    + (scan.damage.contains("truncated") ? "; nothing in it can be decoded (a chunk's constant "
                    + "pools are written at its end)" : ""));
        }
        ModelBuilder builder = new ModelBuilder(jfr);
        if (scan.damage != null) {
            builder.partial(scan.damage + "; the report shows the " + (scan.chunks == 1 ? "chunk" : scan.chunks
                    + " chunks") + " before the damage (" + ChunkScan.bytes(scan.readable) + " of "
                    + ChunkScan.bytes(scan.size) + ")");
        }
        if (scan.unfinished.length > 0) {
            builder.partial("the recording was not closed (its JVM was killed or is still running): the report "
                    + "shows what had been flushed to the file");
        }
        JfrReader reader = new JfrReader(builder);
        try (ReadablePart part = ReadablePart.of(jfr, scan)) {
            StallGuard.run(() -> reader.readAll(part.file, name), () -> reader.progress, stallNanos,
                    events -> "cannot read " + name + ": the JFR parser stopped making progress after "
                            + events + " events; the recording is corrupt");
        } catch (IOException e) {
            throw new ReportException("cannot read " + name + ": it is damaged (" + scan.damage
                    + ") and a copy of its readable part could not be made: " + describe(e));
        }
        return builder.build();
    }

    private void readAll(Path jfr, String name) throws ReportException {
        RecordingFile file;
        try {
            file = new RecordingFile(jfr);
        } catch (IOException | RuntimeException | InternalError e) {
            throw new ReportException("cannot read " + name + ": " + describe(e));
        }
        try (ParseAhead ahead = ParseAhead.start(file)) {
            while (true) {
                ParseAhead.Batch batch = ahead.next();
                for (int i = 0; i < batch.size; i++) {
                    accept(batch.events[i]);
                }
                Throwable e = batch.failure;
                if (e instanceof Error error && !(e instanceof InternalError)) {
                    throw error; // out of memory, not damage: Reports says so
                }
                if (e != null) {
                    if (builder.eventCount() == 0) {
                        throw new ReportException("cannot read " + name + ": " + describe(e));
                    }
                    builder.partial("the recording is truncated or corrupt; the report shows the "
                            + builder.eventCount() + " events read before the damage (" + describe(e) + ")");
                }
                if (batch.closeFailure != null) {
                    builder.warning("closing the recording failed: " + describe(batch.closeFailure));
                }
                if (batch.last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException("interrupted while reading " + name);
        }
        if (skipped > 0) {
            builder.warning(skipped + " events could not be interpreted and were skipped");
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        if (e instanceof EOFException) {
            return "the recording is truncated or incomplete"
                    + (message == null ? "" : " (" + message + ")");
        }
        if (message != null && (message.contains("Not a Flight Recorder") || message.contains("not a JFR")
                || message.contains("chunk header") || message.contains("Chunk header")
                || message.contains("magic"))) {
            return "not a JFR recording, or a corrupt one (" + message + ")";
        }
        return "the recording is corrupt or unsupported (" + (message == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message) + ")";
    }

    private void accept(RecordedEvent event) {
        if ((++accepted & 0xFF) == 0) {
            progress = accepted;
        }
        EventType type = event.getEventType();
        TypeInfo info = types.get(type);
        if (info == null) {
            Set<String> names = new HashSet<>();
            for (ValueDescriptor field : type.getFields()) {
                names.add(field.getName());
            }
            info = new TypeInfo(CODES.getOrDefault(type.getName(), OTHER), names);
            types.put(type, info);
        }
        int code = info.code();
        fields = info.fields();
        long start = nanos(event.getStartTime());
        long end = nanos(event.getEndTime());
        builder.event(type.getName(), start, end);
        try {
            // getThread() looks the field up twice by name (hasField, then getValue): once is enough
            ThreadInfo thread = threadOf(recordedThread(event, "eventThread"));
            if (thread != null) {
                builder.seen(thread, start, end);
            }
            switch (code) {
                case WORKLOAD -> {
                    if (thread != null) {
                        builder.workload(thread, start, end, string(event, "method"), stack(event));
                    }
                }
                case WAIT -> {
                    if (thread != null) {
                        builder.agentWait(thread, start, end, string(event, "kind"), string(event, "api"),
                                className(event, "blockerClass"), (int) number(event, "blockerId", 0),
                                threadId(event, "targetThread"), bool(event, "timed"), stack(event),
                                string(event, EventFields.WAIT_DETAIL));
                    }
                }
                case WAKE -> {
                    if (thread != null) {
                        builder.wake(thread, start, threadId(event, "wokenThread"),
                                (int) number(event, "blockerId", 0), string(event, "how"));
                    }
                }
                case WEFT_THREAD_START -> weftThreadStart(event, thread, start);
                case ALIVE_AT_EXIT -> aliveAtExit(event, start);
                case AGENT_STATUS -> builder.agentStatus(new AgentStatus(string(event, "version"),
                        string(event, "options"), string(event, "workloadFilter"),
                        (int) number(event, "instrumentedTypes", 0), (int) number(event, "transformErrors", 0),
                        number(event, "suppressedErrors", 0), number(event, "startupMillis", 0),
                        string(event, EventFields.STATUS_PHASE_FILTER)));
                case THREAD_START -> {
                    ThreadInfo started = field(event, "thread", thread);
                    if (started != null) {
                        builder.started(started, start, threadId(event, "parentThread"));
                    }
                }
                case THREAD_END -> {
                    ThreadInfo ended = field(event, "thread", thread);
                    if (ended != null) {
                        builder.ended(ended, start);
                    }
                }
                case VIRTUAL_START, VIRTUAL_END -> {
                    ThreadInfo vt = thread;
                    long id = number(event, "javaThreadId", -1);
                    if (vt == null && id > 0) {
                        vt = builder.thread(id);
                    }
                    if (vt != null) {
                        builder.thread(vt.id(), null, true);
                        if (code == VIRTUAL_START) {
                            builder.started(vt, start, -1);
                        } else {
                            builder.ended(vt, start);
                        }
                    }
                }
                case SLEEP -> {
                    if (thread != null) {
                        builder.builtInWait(thread, start, end, "sleep", "Thread.sleep", null, -1, true, stack(event));
                    }
                }
                case PARK -> {
                    if (thread != null) {
                        long timeout = number(event, "timeout", Long.MIN_VALUE);
                        long until = number(event, "until", Long.MIN_VALUE);
                        String parked = className(event, "parkedClass");
                        // a pool worker parked on its pool waits for work (JDK 25's ForkJoinPool parks
                        // through Unsafe, where no agent advice is)
                        boolean idle = EventFields.IDLE_PARK_CLASS.equals(parked);
                        builder.builtInWait(thread, start, end, idle ? WaitKinds.IDLE : "park",
                                idle ? "ForkJoinPool.awaitWork" : "LockSupport.park", parked, -1,
                                timeout > 0 || (until != Long.MIN_VALUE && until > 0), stack(event));
                    }
                }
                case MONITOR_WAIT -> {
                    if (thread != null) {
                        builder.builtInWait(thread, start, end, ModelBuilder.MONITOR_WAIT, "Object.wait",
                                className(event, "monitorClass"), threadId(event, "notifier"),
                                number(event, "timeout", 0) > 0, stack(event));
                    }
                }
                case MONITOR_ENTER -> {
                    if (thread != null) {
                        builder.builtInWait(thread, start, end, "monitor-enter", "synchronized",
                                className(event, "monitorClass"), threadId(event, "previousOwner"), false, stack(event));
                    }
                }
                case DATA_LOSS -> builder.dataLoss(number(event, "amount", 0));
                case SOCKET_IO, FILE_IO -> {
                    if (thread != null) {
                        String name = type.getName();
                        builder.builtInWait(thread, start, end, ModelBuilder.IO,
                                name.substring(name.indexOf('.') + 1), null, -1, false, stack(event),
                                code == FILE_IO ? string(event, EventFields.IO_PATH) : remote(event));
                    }
                }
                case PINNED -> {
                    if (thread != null) {
                        builder.pinned(thread, start, end, pinStack(event), string(event, EventFields.PINNED_REASON));
                    }
                }
                case VIRTUAL_BLOCKED -> {
                    ThreadInfo vt = field(event, EventFields.VIRTUAL_BLOCKED_THREAD, null);
                    if (vt != null) {
                        builder.agentWait(vt, start, end, ModelBuilder.MONITOR_ENTER, "synchronized", null, 0, -1,
                                false, stack(event));
                    }
                }
                default -> {
                    // other events only extend the recording and the thread's lifetime
                }
            }
        } catch (RuntimeException e) {
            skipped++;
        }
    }

    private void weftThreadStart(RecordedEvent event, ThreadInfo parent, long time) {
        long id = number(event, "startedThreadId", -1);
        RecordedThread recorded = recordedThread(event, "startedThread");
        if (id <= 0 && recorded != null) {
            id = recorded.getJavaThreadId();
        }
        if (id <= 0) {
            return;
        }
        ThreadInfo started = builder.thread(id, string(event, "startedThreadName"), bool(event, "virtual"));
        if (recorded != null) {
            builder.thread(id, recorded.getJavaName(), isVirtual(recorded));
        }
        if (fields.contains("daemon")) {
            builder.daemon(started, bool(event, "daemon"));
        }
        if (fields.contains(EventFields.START_SYSTEM)) {
            builder.threadClass(started, className(event, EventFields.START_THREAD_CLASS),
                    bool(event, EventFields.START_SYSTEM));
        }
        builder.started(started, time, parent == null ? -1 : parent.id());
    }

    private void aliveAtExit(RecordedEvent event, long time) {
        long id = number(event, "threadId", -1);
        RecordedThread recorded = recordedThread(event, "thread");
        if (id <= 0 && recorded != null) {
            id = recorded.getJavaThreadId();
        }
        if (id <= 0) {
            return;
        }
        String name = string(event, "threadName");
        boolean virtual = bool(event, "virtual");
        boolean daemon = bool(event, "daemon");
        ThreadInfo t = builder.thread(id, name, virtual);
        if (recorded != null) {
            builder.thread(id, recorded.getJavaName(), isVirtual(recorded));
        }
        builder.daemon(t, daemon);
        builder.aliveAtExit(t, new AliveAtExit(id, name == null || name.isEmpty() ? t.displayName() : name,
                virtual || t.isVirtual(), daemon, string(event, "state"), string(event, "activity"), time));
    }

    /**
     * The top frames of the event's stack trace as one line per frame, {@code null} when none was
     * recorded. Stack traces are shared constants in a chunk: each is formatted once.
     */
    private String stack(RecordedEvent event) {
        // getStackTrace() scans the fields by name twice, also when the type has no stack traces
        if (!fields.contains("stackTrace") || !(event.getValue("stackTrace") instanceof RecordedStackTrace trace)) {
            return null;
        }
        String text = stacks.get(trace);
        if (text == null) {
            if (stacks.size() > 50_000) {
                stacks.clear();
            }
            text = format(trace.getFrames(), 0);
            stacks.put(trace, text);
        }
        return text.isEmpty() ? null : text;
    }

    /** The frames of a pinned virtual thread from the first one outside the JDK: where it was pinned. */
    private String pinStack(RecordedEvent event) {
        if (!fields.contains("stackTrace") || !(event.getValue("stackTrace") instanceof RecordedStackTrace trace)) {
            return null;
        }
        List<RecordedFrame> frames = trace.getFrames();
        int first = 0;
        while (first < frames.size() && isJdkFrame(frames.get(first))) {
            first++;
        }
        String text = format(frames, first == frames.size() ? 0 : first);
        return text.isEmpty() ? null : text;
    }

    /** Up to {@link #STACK_FRAMES} Java frames from {@code from}, one a line, then how many more; "" if none. */
    private static String format(List<RecordedFrame> frames, int from) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int i = from; i < frames.size(); i++) {
            RecordedFrame f = frames.get(i);
            if (shown == STACK_FRAMES) {
                b.append("\n\u2026 ").append(frames.size() - i).append(" more");
                break;
            }
            if (!f.isJavaFrame() || f.getMethod() == null) {
                continue;
            }
            RecordedMethod m = f.getMethod();
            String type = m.getType() == null ? "?" : m.getType().getName();
            b.append(shown == 0 ? "" : "\n").append(type).append('.').append(m.getName());
            if (f.getLineNumber() > 0) {
                b.append(':').append(f.getLineNumber());
            }
            shown++;
        }
        return b.toString();
    }

    private static boolean isJdkFrame(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        String type = m == null || m.getType() == null ? "" : m.getType().getName();
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.");
    }

    private ThreadInfo threadOf(RecordedThread recorded) {
        if (recorded == null) {
            return null;
        }
        if (recorded == lastRecorded) {
            return lastThread;
        }
        // a chunk's constant pool gives one RecordedThread per thread: each getter is a lookup by name
        ThreadInfo t = threads.get(recorded);
        if (t == null && !threads.containsKey(recorded)) {
            if (threads.size() >= CACHE_LIMIT) {
                // the keys keep old chunks' constant pools alive: start afresh
                threads.clear();
                threadIds.clear();
                classNames.clear();
            }
            long id = javaId(recorded);
            t = id > 0 ? builder.thread(id, recorded.getJavaName(), isVirtual(recorded)) : null;
            if (t != null && recorded.getThreadGroup() != null) {
                builder.group(t, recorded.getThreadGroup().getName());
            }
            threads.put(recorded, t);
        }
        lastRecorded = recorded;
        lastThread = t;
        return t;
    }

    /**
     * {@code RecordedThread.isVirtual()} exists from JDK 21 on, and the reports run on 17: read the
     * field itself, which recordings made before 21 do not have.
     */
    static boolean isVirtual(RecordedThread recorded) {
        return recorded.hasField("virtual") && recorded.getBoolean("virtual");
    }

    private long javaId(RecordedThread recorded) {
        Long id = threadIds.get(recorded);
        if (id == null) {
            id = recorded.getJavaThreadId();
            threadIds.put(recorded, id);
        }
        return id;
    }

    private ThreadInfo field(RecordedEvent event, String field, ThreadInfo fallback) {
        RecordedThread recorded = recordedThread(event, field);
        if (recorded == null) {
            return fallback;
        }
        ThreadInfo t = threadOf(recorded);
        return t == null ? fallback : t;
    }

    private RecordedThread recordedThread(RecordedEvent event, String field) {
        if (!fields.contains(field)) {
            return null;
        }
        return event.getValue(field) instanceof RecordedThread t ? t : null;
    }

    private long threadId(RecordedEvent event, String field) {
        RecordedThread t = recordedThread(event, field);
        if (t == null) {
            return -1;
        }
        long id = javaId(t);
        return id > 0 ? id : -1;
    }

    private String string(RecordedEvent event, String field) {
        if (!fields.contains(field)) {
            return null;
        }
        return event.getValue(field) instanceof String s ? s : null;
    }

    private String className(RecordedEvent event, String field) {
        if (!fields.contains(field)) {
            return null;
        }
        if (!(event.getValue(field) instanceof RecordedClass c)) {
            return null;
        }
        String name = classNames.get(c);
        if (name == null) {
            name = c.getName();
            classNames.put(c, name);
        }
        return name;
    }

    /** "host:port" of JFR's socket events, the address when the host is the same or missing. */
    private String remote(RecordedEvent event) {
        String host = string(event, EventFields.IO_HOST);
        String address = string(event, EventFields.IO_ADDRESS);
        String who = host == null || host.isEmpty() ? address : host;
        if (who == null) {
            return null;
        }
        long port = number(event, EventFields.IO_PORT, 0);
        return port > 0 ? who + ":" + port : who;
    }

    private long number(RecordedEvent event, String field, long fallback) {
        if (!fields.contains(field)) {
            return fallback;
        }
        return event.getValue(field) instanceof Number n ? n.longValue() : fallback;
    }

    private boolean bool(RecordedEvent event, String field) {
        if (!fields.contains(field)) {
            return false;
        }
        return event.getValue(field) instanceof Boolean b && b;
    }

    /** What the reader needs to know of an event type, looked up once per type. */
    private record TypeInfo(int code, Set<String> fields) {
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
