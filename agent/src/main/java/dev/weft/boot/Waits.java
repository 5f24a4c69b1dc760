package dev.weft.boot;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;

/**
 * What wait advice calls. A method returns the started event when the call will be recorded,
 * or {@code null} — cheaply and without allocating — when it will not: Weft inactive, the
 * thread already inside an outer wait (nested waits give one span), an ignored thread, or a
 * call that cannot block (open latch, finished thread).
 */
public final class Waits {

    private Waits() { }

    public static WaitEvent begin(String kind, String api, Object blocker, boolean timed) {
        Recorder.ThreadState s = Recorder.enterOutermost();
        if (s == null) {
            return null;
        }
        WaitEvent e = new WaitEvent();
        e.kind = kind;
        e.api = api;
        if (blocker != null) {
            e.blockerClass = blocker.getClass();
            e.blockerId = System.identityHashCode(blocker);
        }
        e.timed = timed;
        e.begin();
        s.depth = 1; // last: a failure above leaves the thread unguarded, never stuck
        return e;
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
                int semi = descriptor.indexOf(';', i);
                if (descriptor.startsWith("Ljava/time/Duration;", i)) {
                    return true;
                }
                i = semi;
            } else if (c == '[') {
                continue;
            }
        }
        return false;
    }

    public static WaitEvent join(Thread target, String api, boolean timed) {
        if (target == null || !target.isAlive() || target == Thread.currentThread()) {
            return null;
        }
        WaitEvent e = begin("join", api, target, timed);
        if (e != null) {
            e.targetThread = target;
        }
        return e;
    }

    public static WaitEvent latch(CountDownLatch latch, String api, boolean timed) {
        if (latch == null || latch.getCount() == 0) {
            return null;
        }
        return begin("latch", api, latch, timed);
    }

    public static WaitEvent phaser(Phaser phaser, String api, boolean timed) {
        if (phaser == null || phaser.isTerminated()) {
            return null;
        }
        return begin("phaser", api, phaser, timed);
    }

    /** Ends the span begun by one of the methods above; {@code null} means nothing was begun. */
    public static void end(WaitEvent e) {
        if (e == null) {
            return;
        }
        Recorder.ThreadState s = null;
        try {
            s = Recorder.stateOfRecordingThread();
            e.end();
            if (e.shouldCommit()) {
                e.commit();
            }
        } finally {
            if (s != null) {
                s.depth = 0;
            }
        }
    }
}
