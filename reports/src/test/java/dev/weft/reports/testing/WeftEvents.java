package dev.weft.reports.testing;

import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Test-only copies of the agent's events: same names, same field names and types. */
public final class WeftEvents {

    private WeftEvents() {
    }

    @Name("weft.Workload")
    @StackTrace(false)
    public static final class Workload extends Event {
        public String method;
    }

    @Name("weft.Wait")
    @StackTrace(false)
    public static final class Wait extends Event {
        public String kind;
        public String api;
        public Class<?> blockerClass;
        public int blockerId;
        public Thread targetThread;
        public boolean timed;
    }

    @Name("weft.Wake")
    @StackTrace(false)
    public static final class Wake extends Event {
        public Thread wokenThread;
        public int blockerId;
        public String how;
    }

    @Name("weft.ThreadStart")
    @StackTrace(false)
    public static final class ThreadStart extends Event {
        public Thread startedThread;
        public long startedThreadId;
        public String startedThreadName;
        public boolean virtual;
        public boolean daemon;
    }

    @Name("weft.ThreadAliveAtExit")
    @StackTrace(false)
    public static final class ThreadAliveAtExit extends Event {
        public Thread thread;
        public long threadId;
        public String threadName;
        public boolean virtual;
        public boolean daemon;
        public String state;
        public String activity;
    }

    @Name("weft.AgentStatus")
    @StackTrace(false)
    public static final class AgentStatus extends Event {
        public String version;
        public String options;
        public String workloadFilter;
        public int instrumentedTypes;
        public int transformErrors;
        public long suppressedErrors;
        public long startupMillis;
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
