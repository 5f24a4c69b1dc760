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
     * A blocking primitive (sleep, monitor wait, park): begins its own span when it is the
     * outermost call, or the span of the API that armed this thread.
     */
    public static WaitState begin(String kind, String api, Object blocker, boolean timed) {
        WaitState s = Recorder.state();
        if (s == null) {
            return null;
        }
        if (s.depth != 0) {
            if (!s.begun) {
                s.begin(); // the armed API blocks here
            }
            return null;
        }
        s.arm(kind, api, blocker, null, timed);
        s.begin();
        return s;
    }

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

    public static WaitState join(Thread target, String api, boolean timed) {
        if (target == null || !target.isAlive() || target == Thread.currentThread()) {
            return null;
        }
        WaitState s = arm("join", api, target, timed);
        if (s != null) {
            s.target = target;
        }
        return s;
    }

    public static WaitState latch(CountDownLatch latch, String api, boolean timed) {
        if (latch == null || latch.getCount() == 0) {
            return null;
        }
        return arm("latch", api, latch, timed);
    }

    public static WaitState future(Object future, String api, boolean timed) {
        if (future instanceof FutureTask<?> f && f.isDone()
                || future instanceof CompletableFuture<?> c && c.isDone()) {
            return null;
        }
        return arm("future", api, future, timed);
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
