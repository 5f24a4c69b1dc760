package dev.weft.boot;

/**
 * One thread's wait bookkeeping; a virtual thread carries its own across unmount and remount.
 *
 * <p>An API that may or may not block (a latch, a lock, a queue …) only <em>arms</em> the state at
 * entry: no timestamp, no allocation. The first blocking primitive inside it (park, monitor wait)
 * begins the span under the API's name; a call that never blocks records nothing and costs a few
 * field writes. The event object is reused, so a thread allocates it once, on its first wait.
 */
public final class WaitState {

    /** The thread this state belongs to: {@link OpenWaits} lists its open wait by it. */
    final Thread owner;
    /** Whether {@link OpenWaits} knows this state: set on the first wait that really blocks. */
    boolean listed;
    /** The next state {@link OpenWaits} knows; written before this one is published, then only by its sampler. */
    WaitState next;

    /** 0: no wait in progress; 1: inside an armed or begun wait (inner ones are covered by it). */
    int depth;
    boolean ignored;
    boolean begun;

    String kind;
    String api;
    Object blocker;
    Thread target;
    boolean timed;
    /** What was waited for, described only if the wait begins: an address, a process. */
    Object where;
    int port;
    /** Identity hash of the last future {@code Process.onExit()} returned to this thread, 0 if none. */
    int processFuture;
    /** Set while the thread runs a server's dispatch loop: its selects wait for work, they are idle. */
    boolean idleSelects;

    /** Read by {@link OpenWaits} on JFR's periodic thread: its start time is when the open wait began. */
    WaitEvent event;
    /** Whether the span is {@code io} or {@code idle}: told only from {@link #BRIEF_NANOS} on. */
    boolean floored;
    /** {@link System#nanoTime()} when a {@link #floored} span began; not read for the others. */
    long beganNanos;
    /**
     * Set by {@link OpenWaits}' sampler when it lists this wait as in progress: such a wait is told
     * when it ends however brief, or the report would take it for one still open at the end.
     */
    boolean sampled;

    /**
     * The shortest {@code io} or {@code idle} span committed. A connect or accept on loopback, a
     * select or a pool's poll that found work at once end in microseconds, tens of thousands a second
     * on a busy server: none of them is a wait a reader can see, and each would cost an event. The
     * JVM's own socket events have the same 1 ms threshold in Weft's settings.
     */
    static final long BRIEF_NANOS = 1_000_000L;
    /** {@link #BRIEF_NANOS}, but for tests that must not depend on the scheduler. */
    static long briefNanos = BRIEF_NANOS;

    WaitState(Thread owner) {
        this.owner = owner;
    }

    void arm(String kind, String api, Object blocker, Thread target, boolean timed) {
        this.kind = kind;
        this.api = api;
        this.blocker = blocker;
        this.target = target;
        this.timed = timed;
        this.where = null;
        this.begun = false;
        this.depth = 1; // last: a failure above leaves the thread unarmed, never stuck
    }

    /** Starts the armed span now: the thread is about to block. */
    void begin() {
        WaitEvent e = event;
        if (e == null) {
            e = new WaitEvent();
            event = e;
        }
        e.kind = kind;
        e.api = api;
        Object b = blocker;
        e.blockerClass = b == null ? null : b.getClass();
        e.blockerId = b == null ? 0 : System.identityHashCode(b);
        e.targetThread = target;
        e.timed = timed;
        if (!listed) {
            OpenWaits.register(this); // once per thread, on the path that is about to block anyway
        }
        sampled = false;
        floored = Kinds.IO.equals(kind) || Kinds.IDLE.equals(kind);
        if (floored) {
            beganNanos = System.nanoTime(); // the other kinds' spans read no clock of their own
        }
        e.begin();
        begun = true; // after begin(): an open wait seen by OpenWaits has its own start time
    }

    /** Ends the wait: commits the span if it began, and forgets the blocker so nothing is kept alive. */
    void end() {
        try {
            if (begun) {
                WaitEvent e = event;
                e.end();
                if (e.shouldCommit() && (!floored || sampled || System.nanoTime() - beganNanos >= briefNanos)) {
                    // described only now: a span too brief to tell allocates nothing
                    e.detail = where == null ? null : describe(where, port);
                    e.commit();
                }
                e.blockerClass = null;
                e.targetThread = null;
                e.detail = null;
            }
        } finally {
            begun = false;
            sampled = false;
            blocker = null;
            target = null;
            where = null;
            depth = 0;
        }
    }

    /** "127.0.0.1:8080", "pid 4242": built only when a span is committed, so calls that do not block allocate nothing. */
    static String describe(Object where, int port) {
        StringBuilder b = new StringBuilder(32);
        if (where instanceof java.net.InetSocketAddress a) {
            b.append(a.getHostString()).append(':').append(a.getPort());
        } else if (where instanceof java.net.InetAddress a) {
            b.append(a.getHostAddress());
            if (port > 0) {
                b.append(':').append(port);
            }
        } else if (where instanceof Process p) {
            b.append("pid ").append(p.pid());
        } else if (where instanceof String text) {
            b.append(text);
        } else {
            return null;
        }
        return b.toString();
    }
}
