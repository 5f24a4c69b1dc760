package dev.weft.reports.read;

import static dev.weft.reports.read.EventFields.*;

import dev.weft.reports.model.AgentStatus;
import dev.weft.reports.model.AliveAtExit;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.RecordingLimits;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitKinds;
import dev.weft.reports.read.EventView.ThreadRef;

/**
 * Turns events into {@link ModelBuilder} calls: what each event type means for the timeline. Both
 * parsers feed it, so they cannot differ in meaning, only in decoding.
 */
final class EventMapper implements EventSink {

    /** The event codes that are a span or wake of the thread they are on. */
    private static final boolean[] SPANS = new boolean[EventFields.CODES];

    static {
        for (int code : new int[] {WORKLOAD, WAIT, WAKE, SLEEP, PARK, MONITOR_WAIT, MONITOR_ENTER, SOCKET_IO, FILE_IO,
                                   PINNED}) {
            SPANS[code] = true;
        }
    }

    private final ModelBuilder builder;
    private long skipped;
    private long accepted;
    /** Events read so far, for the {@link StallGuard} on another thread. */
    private volatile long progress;

    EventMapper(ModelBuilder builder) {
        this.builder = builder;
    }

    ModelBuilder builder() {
        return builder;
    }

    long progress() {
        return progress;
    }

    /** Events whose fields could not be interpreted. */
    long skipped() {
        return skipped;
    }

    @Override
    public void accept(int code, String type, EventView event) {
        if ((++accepted & 0xFF) == 0) {
            progress = accepted;
        }
        long start = event.start();
        long end = event.end();
        builder.event(type, start, end);
        try {
            ThreadRef ref = event.thread(EVENT_THREAD);
            ThreadInfo thread = threadOf(ref);
            if (thread != null) {
                builder.seen(thread, start, end);
            } else if (ref != null && ref.javaThreadId() > 0 && SPANS[code]) {
                builder.spanOfThreadLeftOut(); // a Java thread the model's budget had no room for
            }
            switch (code) {
                case WORKLOAD -> {
                    if (thread != null && !builder.pastCut(start)) {
                        builder.workload(thread, start, end, event.string(METHOD), event.stack());
                    }
                }
                case WAIT -> {
                    if (thread != null && !builder.pastCut(start)) {
                        builder.agentWait(thread, start, end, event.string(KIND), event.string(API),
                                event.className(BLOCKER_CLASS), (int) event.number(BLOCKER_ID, 0),
                                threadId(event, TARGET_THREAD), event.bool(TIMED), event.stack(), event.string(DETAIL));
                    }
                }
                case WAKE -> {
                    if (thread != null && !builder.pastCut(start)) {
                        builder.wake(thread, start, threadId(event, WOKEN_THREAD),
                                (int) event.number(WAKE_BLOCKER_ID, 0), event.string(HOW));
                    }
                }
                case WEFT_THREAD_START -> weftThreadStart(event, thread, start);
                case ALIVE_AT_EXIT -> aliveAtExit(event, start);
                case AGENT_STATUS -> {
                    builder.agentStatus(new AgentStatus(event.string(VERSION),
                            event.string(OPTIONS), event.string(WORKLOAD_FILTER),
                            (int) event.number(INSTRUMENTED_TYPES, 0), (int) event.number(TRANSFORM_ERRORS, 0),
                            event.string(FAILED_TYPES), event.number(SUPPRESSED_ERRORS, 0),
                            event.string(FIRST_SUPPRESSED_ERROR), event.number(STARTUP_MILLIS, 0),
                            event.string(PHASE_FILTER)));
                    builder.agentFiles(event.string(OWN_FILES));
                    if (event.has(RECORDING_START)) {
                        builder.recordingLimits(new RecordingLimits(event.number(RECORDING_START, 0),
                                event.number(MAX_AGE, 0), event.number(MAX_SIZE, 0)));
                    }
                }
                case WAIT_IN_PROGRESS -> waitInProgress(event);
                case WAIT_SAMPLE -> builder.waitSample(event.number(SAMPLE, -1), start,
                        (int) event.number(IN_PROGRESS, 0), (int) event.number(LISTED, 0));
                case THREAD_START -> {
                    ThreadInfo started = field(event, THREAD, thread);
                    if (started != null) {
                        builder.started(started, start, threadId(event, PARENT_THREAD));
                    }
                }
                case THREAD_END -> {
                    ThreadInfo ended = field(event, THREAD, thread);
                    if (ended != null) {
                        builder.ended(ended, start);
                    }
                }
                case VIRTUAL_START, VIRTUAL_END -> {
                    ThreadInfo vt = thread;
                    long id = event.number(JAVA_THREAD_ID, -1);
                    if (vt == null && id > 0) {
                        vt = builder.thread(id);
                    }
                    if (vt != null) {
                        builder.named(vt, null, true);
                        if (code == VIRTUAL_START) {
                            builder.started(vt, start, -1);
                        } else {
                            builder.ended(vt, start);
                        }
                    }
                }
                case SLEEP -> {
                    if (thread != null && !builder.pastCut(start)) {
                        builder.builtInWait(thread, start, end, "sleep", "Thread.sleep", null, -1, true, event.stack());
                    }
                }
                case PARK -> {
                    if (thread != null && !builder.pastCut(start)) {
                        long timeout = event.number(TIMEOUT, Long.MIN_VALUE);
                        long until = event.number(UNTIL, Long.MIN_VALUE);
                        String parked = event.className(PARKED_CLASS);
                        // a pool worker parked on its pool waits for work (JDK 25's ForkJoinPool parks
                        // through Unsafe, where no agent advice is)
                        boolean idle = IDLE_PARK_CLASS.equals(parked);
                        builder.builtInWait(thread, start, end, idle ? WaitKinds.IDLE : "park",
                                idle ? "ForkJoinPool.awaitWork" : "LockSupport.park", parked, -1,
                                timeout > 0 || (until != Long.MIN_VALUE && until > 0), event.stack());
                    }
                }
                case MONITOR_WAIT -> {
                    if (thread != null && !builder.pastCut(start)) {
                        builder.builtInWait(thread, start, end, ModelBuilder.MONITOR_WAIT, "Object.wait",
                                event.className(MONITOR_CLASS), threadId(event, NOTIFIER),
                                event.number(TIMEOUT, 0) > 0, event.stack());
                    }
                }
                case MONITOR_ENTER -> {
                    if (thread != null && !builder.pastCut(start)) {
                        builder.builtInWait(thread, start, end, "monitor-enter", "synchronized",
                                event.className(MONITOR_CLASS), threadId(event, PREVIOUS_OWNER), false, event.stack());
                    }
                }
                case DATA_LOSS -> builder.dataLoss(event.number(AMOUNT, 0));
                case SOCKET_IO, FILE_IO -> {
                    if (thread != null && !builder.pastCut(start)) {
                        builder.builtInWait(thread, start, end, ModelBuilder.IO, type.substring(type.indexOf('.') + 1),
                                null, -1, false, event.stack(), code == FILE_IO ? event.string(IO_PATH) : remote(event));
                    }
                }
                case PINNED -> {
                    if (thread != null && !builder.pastCut(start)) {
                        builder.pinned(thread, start, end, event.pinStack(), event.string(PINNED_REASON));
                    }
                }
                case VIRTUAL_BLOCKED -> {
                    ThreadInfo vt = field(event, VIRTUAL_THREAD, null);
                    if (vt != null && !builder.pastCut(start)) {
                        builder.agentWait(vt, start, end, ModelBuilder.MONITOR_ENTER, "synchronized", null, 0, -1,
                                false, event.stack());
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

    /** The waiting thread is a field (the event is committed on JFR's periodic thread), or only its id and name. */
    private void waitInProgress(EventView event) {
        ThreadInfo waiting = field(event, THREAD, null);
        long id = event.number(THREAD_ID, -1);
        if (waiting == null && id > 0) {
            waiting = builder.thread(id, event.string(THREAD_NAME), false);
        }
        if (waiting == null) {
            return;
        }
        long target = event.number(TARGET_THREAD_ID, 0);
        builder.waitInProgress(waiting, event.number(SAMPLE, -1), event.timestamp(SINCE), event.string(KIND),
                event.string(API), event.string(BLOCKER_CLASS), (int) event.number(BLOCKER_ID, 0),
                target > 0 ? target : -1);
    }

    /** The Java id of a thread an agent event names by id and by thread, the id first; -1 when neither says. */
    private static long javaId(long id, ThreadRef recorded) {
        return id > 0 ? id : recorded != null && recorded.javaThreadId() > 0 ? recorded.javaThreadId() : -1;
    }

    private void weftThreadStart(EventView event, ThreadInfo parent, long time) {
        ThreadRef recorded = event.thread(STARTED_THREAD);
        long id = javaId(event.number(STARTED_THREAD_ID, -1), recorded);
        if (id <= 0) {
            return;
        }
        ThreadInfo started = builder.thread(id, event.string(STARTED_THREAD_NAME), event.bool(VIRTUAL));
        if (started == null) {
            return; // no room left in the model
        }
        if (recorded != null) {
            builder.named(started, recorded.javaName(), recorded.isVirtual());
            if (recorded.mappedAt != builder.generation() && recorded.javaThreadId() == id) {
                // the thread's own events to come need no lookup
                if (recorded.group() != null) {
                    builder.group(started, recorded.group());
                }
                recorded.model = started;
                recorded.mappedAt = builder.generation();
            }
        }
        if (event.has(DAEMON)) {
            builder.daemon(started, event.bool(DAEMON));
        }
        if (event.has(SYSTEM)) {
            builder.threadClass(started, event.className(THREAD_CLASS), event.bool(SYSTEM));
        }
        builder.started(started, time, parent == null ? -1 : parent.id());
    }

    private void aliveAtExit(EventView event, long time) {
        ThreadRef recorded = event.thread(THREAD);
        long id = javaId(event.number(THREAD_ID, -1), recorded);
        if (id <= 0) {
            return;
        }
        String name = event.string(THREAD_NAME);
        boolean virtual = event.bool(ALIVE_VIRTUAL);
        boolean daemon = event.bool(ALIVE_DAEMON);
        ThreadInfo t = builder.thread(id, name, virtual);
        if (t == null) {
            return; // no room left in the model
        }
        if (recorded != null) {
            builder.named(t, recorded.javaName(), recorded.isVirtual());
        }
        builder.daemon(t, daemon);
        builder.aliveAtExit(t, new AliveAtExit(id, name == null || name.isEmpty() ? t.displayName() : name,
                virtual || t.isVirtual(), daemon, event.string(STATE), event.string(ACTIVITY), time));
    }

    private ThreadInfo threadOf(ThreadRef recorded) {
        if (recorded == null) {
            return null;
        }
        if (recorded.mappedAt != builder.generation()) {
            long id = recorded.javaThreadId();
            ThreadInfo t = id > 0 ? builder.thread(id, recorded.javaName(), recorded.isVirtual()) : null;
            if (t != null && recorded.group() != null) {
                builder.group(t, recorded.group());
            }
            recorded.model = t;
            // a thread the model's budget left out is asked for again by each of its events: one that began
            // before the cut gets it a place, at the expense of what began latest
            recorded.mappedAt = t != null || id <= 0 ? builder.generation() : 0;
        }
        return recorded.model;
    }

    /** "host:port" of JFR's socket events, the address when the host is the same or missing. */
    private static String remote(EventView event) {
        String host = event.string(IO_HOST);
        String address = event.string(IO_ADDRESS);
        String who = host == null || host.isEmpty() ? address : host;
        if (who == null) {
            return null;
        }
        long port = event.number(IO_PORT, 0);
        return port > 0 ? who + ":" + port : who;
    }

    private ThreadInfo field(EventView event, int field, ThreadInfo fallback) {
        ThreadInfo t = threadOf(event.thread(field));
        return t == null ? fallback : t;
    }

    private static long threadId(EventView event, int field) {
        ThreadRef t = event.thread(field);
        if (t == null) {
            return -1;
        }
        long id = t.javaThreadId();
        return id > 0 ? id : -1;
    }
}
