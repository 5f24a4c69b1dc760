package dev.weft.boot;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.LockSupport;

/**
 * What wait advice calls. Enter methods return the thread's {@link WaitState} when this call
 * owns the wait (advice hands it back to {@link #end}), or {@code null} when it does not:
 * Weft inactive, an ignored thread, a call nested in another wait (nested waits give one span,
 * the outermost API call), or a call that cannot block (open latch, finished thread, done future).
 */
public final class Waits {

    private Waits() { }

    /**
     * An API that may block: remembers it, and the first park or monitor wait inside begins its
     * span. Costs a thread-local read and a few field writes; records nothing if it never blocks.
     */
    public static WaitState arm(String kind, String api, Object blocker, boolean timed) {
        WaitState s = Recorder.state();
        if (s == null || s.depth != 0) {
            return null;
        }
        s.arm(kind, api, blocker, null, timed);
        return s;
    }

    /**
     * The thread's state when a call that blocks by itself begins a span of its own; {@code null} where
     * nothing may record, and inside another wait, whose armed span this call begins instead (the armed
     * API blocks here).
     */
    private static WaitState outermost() {
        WaitState s = Recorder.state();
        if (s == null) {
            return null;
        }
        if (s.depth != 0) {
            if (!s.begun) {
                s.begin();
            }
            return null;
        }
        return s;
    }

    /**
     * A blocking primitive (sleep, monitor wait, park): begins its own span when it is the
     * outermost call, or the span of the API that armed this thread.
     */
    public static WaitState begin(String kind, String api, Object blocker, boolean timed) {
        WaitState s = outermost();
        if (s == null) {
            return null;
        }
        s.arm(blocker != null && IDLE_MONITOR.equals(blocker.getClass().getName()) ? Kinds.IDLE : kind, api, blocker,
                null, timed);
        s.begin();
        return s;
    }

    /** The task queue a {@code java.util.Timer}'s thread waits on for its next task. */
    static final String IDLE_MONITOR = "java.util.TaskQueue";

    /** Ends the wait this call owns; {@code null} means it owns none. */
    public static void end(WaitState s) {
        if (s != null) {
            s.end();
        }
    }

    /** Whether a method descriptor takes a timeout: a long (nanos, millis, deadline) or a Duration. */
    public static boolean isTimed(String descriptor) {
        int close = descriptor.indexOf(')');
        for (int i = 1; i < close; i++) {
            char c = descriptor.charAt(i);
            if (c == 'J') {
                return true;
            }
            if (c == 'L') {
                if (descriptor.startsWith("Ljava/time/Duration;", i)) {
                    return true;
                }
                i = descriptor.indexOf(';', i);
            }
        }
        return false;
    }

    /**
     * A join of a live thread blocks, so its span begins at once rather than at the first park or
     * monitor wait inside: on JDK 17 {@code join(long)} waits in the native {@code Object.wait(long)},
     * which no advice sees, and an armed join would never begin.
     */
    public static WaitState join(Thread target, String api, boolean timed) {
        if (target == null || !target.isAlive() || target == Thread.currentThread()) {
            return null;
        }
        WaitState s = arm(Kinds.JOIN, api, target, timed);
        if (s != null) {
            s.target = target;
            s.begin();
        }
        return s;
    }

    public static WaitState latch(CountDownLatch latch, String api, boolean timed) {
        if (latch == null || latch.getCount() == 0) {
            return null;
        }
        return arm(Kinds.LATCH, api, latch, timed);
    }

    /**
     * A future's {@code get}/{@code join}. The JDK's HTTP client answers with its own future class, so
     * waiting for it is waiting for the network ({@code io}); the future {@code Process.onExit()} just
     * gave this thread is waiting for a child process ({@code process}).
     */
    public static WaitState future(Object future, String api, boolean timed) {
        if (future instanceof FutureTask<?> f && f.isDone()
                || future instanceof CompletableFuture<?> c && c.isDone()) {
            return null;
        }
        WaitState s = Recorder.state();
        if (s == null || s.depth != 0) {
            return null;
        }
        if (future != null && HTTP_FUTURE.equals(future.getClass().getName())) {
            s.arm(Kinds.IO, HTTP_API, future, null, timed);
        } else if (s.processFuture != 0 && s.processFuture == System.identityHashCode(future)) {
            s.arm(Kinds.PROCESS, api, future, null, timed);
        } else {
            s.arm(Kinds.FUTURE, api, future, null, timed);
        }
        return s;
    }

    /** The future class of {@code java.net.http.HttpClient}: {@code send} and {@code sendAsync} answer with it. */
    static final String HTTP_FUTURE = "jdk.internal.net.http.common.MinimalFuture";
    private static final String HTTP_API = "HttpClient.send";

    /** {@code Process.waitFor}: armed, so a process already ended records nothing. */
    public static WaitState process(Process process, String api, boolean timed) {
        WaitState s = arm(Kinds.PROCESS, api, process, timed);
        if (s != null) {
            s.where = process;
        }
        return s;
    }

    /** {@code Process.onExit()} returned {@code future} to this thread: a {@code get} on it waits for the process. */
    public static void processFuture(Object future) {
        WaitState s = Recorder.state();
        if (s != null && future != null) {
            s.processFuture = System.identityHashCode(future);
        }
    }

    /** A pool worker asks for its next task: armed, and the queue's park inside begins an {@code idle} span. */
    public static WaitState idle(String api, Object pool) {
        return arm(Kinds.IDLE, api, pool, false);
    }

    /**
     * A socket, channel or selector call about to wait for the network. Begun at once: a platform
     * thread blocks in native code, with no park to begin an armed span. {@code where} (an address)
     * is described only then. Inside another wait it is covered by that one.
     */
    public static WaitState io(String api, Object blocker, Object where, int port) {
        WaitState s = outermost();
        if (s == null) {
            return null;
        }
        s.arm(s.idleSelects && blocker instanceof java.nio.channels.Selector ? Kinds.IDLE : Kinds.IO, api, blocker,
                null, false);
        s.where = where;
        s.port = port;
        s.begin();
        return s;
    }

    /**
     * {@code accept}: an {@code io} span begun at once, except on a non-blocking server channel (a
     * server's selector loop), whose accept returns at once whether a connection is there or not.
     */
    public static WaitState accept(String api, Object socket) {
        if (socket instanceof java.nio.channels.spi.AbstractSelectableChannel c && !c.isBlocking()) {
            return null;
        }
        return io(api, socket, null, 0);
    }

    /**
     * A socket or channel read or write: armed (free when the data is there); the virtual thread's park
     * inside begins the {@code io} span. {@code where} (the remote address) is described only then.
     */
    public static WaitState ioArm(String api, Object blocker, Object where, int port) {
        WaitState s = arm(Kinds.IO, api, blocker, false);
        if (s != null) {
            s.where = where;
            s.port = port;
        }
        return s;
    }

    /** The thread enters ({@code true}) or leaves a server's dispatch loop, whose selects wait for work. */
    public static void dispatchLoop(boolean inside) {
        WaitState s = Recorder.state();
        if (s != null) {
            s.idleSelects = inside;
        }
    }

    /**
     * {@code LockSupport.unpark(t)}: the calling thread releases {@code t} — the waker side of
     * latches, locks, semaphores, conditions, futures, queues and virtual-thread joins.
     */
    public static void unpark(Thread woken) {
        if (woken == null || woken == Thread.currentThread()) {
            return;
        }
        if (Recorder.state() == null) {
            return;
        }
        WakeEvent w = new WakeEvent();
        if (!w.shouldCommit()) {
            return;
        }
        w.wokenThread = woken;
        Object blocker = LockSupport.getBlocker(woken);
        w.blockerId = blocker == null ? 0 : System.identityHashCode(blocker);
        w.how = "unpark";
        w.commit();
    }
}
