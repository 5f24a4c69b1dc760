package dev.weft.reports.testing;

import dev.weft.reports.read.WeftSchema;

import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Test stand-ins for the agent's events (the reports module cannot depend on the agent): named, field by
 * field, with the {@link WeftSchema} constants the agent's own event classes use, and checked against the
 * schema's types by {@code WeftSchemaTest}; the agent's {@code EventSchemaTest} checks its classes the same way.
 */
public final class WeftEvents {

    private WeftEvents() {
    }

    @Name(WeftSchema.Workload.NAME)
    @StackTrace(false)
    public static final class Workload extends Event {
        @Name(WeftSchema.Workload.METHOD)
        public String method;
    }

    @Name(WeftSchema.Wait.NAME)
    @StackTrace(false)
    public static final class Wait extends Event {
        @Name(WeftSchema.Wait.KIND)
        public String kind;
        @Name(WeftSchema.Wait.API)
        public String api;
        @Name(WeftSchema.Wait.BLOCKER_CLASS)
        public Class<?> blockerClass;
        @Name(WeftSchema.Wait.BLOCKER_ID)
        public int blockerId;
        @Name(WeftSchema.Wait.TARGET_THREAD)
        public Thread targetThread;
        @Name(WeftSchema.Wait.TIMED)
        public boolean timed;
        @Name(WeftSchema.Wait.DETAIL)
        public String detail;
    }

    @Name(WeftSchema.Wake.NAME)
    @StackTrace(false)
    public static final class Wake extends Event {
        @Name(WeftSchema.Wake.WOKEN_THREAD)
        public Thread wokenThread;
        @Name(WeftSchema.Wake.BLOCKER_ID)
        public int blockerId;
        @Name(WeftSchema.Wake.HOW)
        public String how;
    }

    @Name(WeftSchema.ThreadStart.NAME)
    @StackTrace(false)
    public static final class ThreadStart extends Event {
        @Name(WeftSchema.ThreadStart.STARTED_THREAD)
        public Thread startedThread;
        @Name(WeftSchema.ThreadStart.STARTED_THREAD_ID)
        public long startedThreadId;
        @Name(WeftSchema.ThreadStart.STARTED_THREAD_NAME)
        public String startedThreadName;
        @Name(WeftSchema.ThreadStart.VIRTUAL)
        public boolean virtual;
        @Name(WeftSchema.ThreadStart.DAEMON)
        public boolean daemon;
        @Name(WeftSchema.ThreadStart.THREAD_CLASS)
        public Class<?> threadClass;
        @Name(WeftSchema.ThreadStart.SYSTEM)
        public boolean system;
    }

    @Name(WeftSchema.ThreadAliveAtExit.NAME)
    @StackTrace(false)
    public static final class ThreadAliveAtExit extends Event {
        @Name(WeftSchema.ThreadAliveAtExit.THREAD)
        public Thread thread;
        @Name(WeftSchema.ThreadAliveAtExit.THREAD_ID)
        public long threadId;
        @Name(WeftSchema.ThreadAliveAtExit.THREAD_NAME)
        public String threadName;
        @Name(WeftSchema.ThreadAliveAtExit.VIRTUAL)
        public boolean virtual;
        @Name(WeftSchema.ThreadAliveAtExit.DAEMON)
        public boolean daemon;
        @Name(WeftSchema.ThreadAliveAtExit.STATE)
        public String state;
        @Name(WeftSchema.ThreadAliveAtExit.ACTIVITY)
        public String activity;
    }

    @Name(WeftSchema.AgentStatus.NAME)
    @StackTrace(false)
    public static final class AgentStatus extends Event {
        @Name(WeftSchema.AgentStatus.VERSION)
        public String version;
        @Name(WeftSchema.AgentStatus.OPTIONS)
        public String options;
        @Name(WeftSchema.AgentStatus.WORKLOAD_FILTER)
        public String workloadFilter;
        @Name(WeftSchema.AgentStatus.INSTRUMENTED_TYPES)
        public int instrumentedTypes;
        @Name(WeftSchema.AgentStatus.TRANSFORM_ERRORS)
        public int transformErrors;
        @Name(WeftSchema.AgentStatus.FAILED_TYPES)
        public String failedTypes;
        @Name(WeftSchema.AgentStatus.SUPPRESSED_ERRORS)
        public long suppressedErrors;
        @Name(WeftSchema.AgentStatus.FIRST_SUPPRESSED_ERROR)
        public String firstSuppressedError;
        @Name(WeftSchema.AgentStatus.STARTUP_MILLIS)
        public long startupMillis;
        @Name(WeftSchema.AgentStatus.PHASE_FILTER)
        public String phaseFilter;
        @Name(WeftSchema.AgentStatus.RECORDING_START)
        @jdk.jfr.Timestamp(jdk.jfr.Timestamp.MILLISECONDS_SINCE_EPOCH)
        public long recordingStart;
        @Name(WeftSchema.AgentStatus.MAX_AGE)
        @jdk.jfr.Timespan(jdk.jfr.Timespan.MILLISECONDS)
        public long maxAge;
        @Name(WeftSchema.AgentStatus.MAX_SIZE)
        @jdk.jfr.DataAmount
        public long maxSize;
        @Name(WeftSchema.AgentStatus.OWN_FILES)
        public String ownFiles;
    }

    @Name(WeftSchema.VirtualThreadBlocked.NAME)
    @StackTrace(false)
    public static final class VirtualThreadBlocked extends Event {
        @Name(WeftSchema.VirtualThreadBlocked.VIRTUAL_THREAD)
        public Thread virtualThread;
    }

    @Name(WeftSchema.WaitInProgress.NAME)
    @StackTrace(false)
    public static final class WaitInProgress extends Event {
        public long sample;
        public Thread thread;
        public long threadId;
        public String threadName;
        public String kind;
        public String api;
        public String blockerClass;
        public int blockerId;
        public long targetThreadId;
        @jdk.jfr.Timestamp(jdk.jfr.Timestamp.TICKS)
        public long since;
    }

    @Name(WeftSchema.WaitSample.NAME)
    @StackTrace(false)
    public static final class WaitSample extends Event {
        public long sample;
        public int inProgress;
        public int listed;
    }

    // ---- helpers that behave like the agent's advice

    /** Runs {@code body} inside a workload span of {@code method}. */
    public static void workload(String method, Body body) throws Exception {
        Workload w = new Workload();
        w.method = method;
        w.begin();
        try {
            body.run();
        } finally {
            w.end();
            w.commit();
        }
    }

    /** Runs {@code body} inside a wait span. */
    public static void await(String kind, String api, Object blocker, Thread target, Body body) throws Exception {
        Wait w = new Wait();
        w.kind = kind;
        w.api = api;
        w.blockerClass = blocker == null ? null : blocker.getClass();
        w.blockerId = blocker == null ? 0 : System.identityHashCode(blocker);
        w.targetThread = target;
        w.begin();
        try {
            body.run();
        } finally {
            w.end();
            w.commit();
        }
    }

    /** Starts {@code t}, recording the start on the calling (parent) thread. */
    public static void start(Thread t) {
        ThreadStart e = new ThreadStart();
        e.startedThreadId = t.threadId();
        e.startedThreadName = t.getName();
        e.virtual = t.isVirtual();
        e.daemon = t.isDaemon();
        t.start();
        e.startedThread = t;
        e.threadClass = t.getClass();
        e.commit();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A block that may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }
}
