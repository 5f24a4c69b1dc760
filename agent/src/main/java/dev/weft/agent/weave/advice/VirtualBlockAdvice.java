package dev.weft.agent.weave.advice;

import dev.weft.boot.Threads;
import net.bytebuddy.asm.Advice;

/**
 * JDK 24+ {@code VirtualThread.afterYield}, on the carrier: a virtual thread that unmounts to wait for
 * a monitor (state BLOCKING or BLOCKED); {@link Unblock} ends the wait when the owner releases it.
 * The JVM's {@code jdk.JavaMonitorEnter} is not emitted for it. Woven only where those states exist.
 */
public final class VirtualBlockAdvice {

    private VirtualBlockAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Thread thread, @Advice.FieldValue("state") int state,
                      @Advice.FieldValue("BLOCKING") int blocking, @Advice.FieldValue("BLOCKED") int blocked) {
        // JDK 25's VM may have moved a thread it preempted on monitor entry on to BLOCKED already
        if (state == blocking || state == blocked) {
            Threads.virtualBlocked(thread);
        }
    }

    /** {@code VirtualThread.unblock}, on the unblocker thread: the monitor's owner let it go; it may retry. */
    public static final class Unblock {

        private Unblock() { }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread thread) {
            Threads.virtualResumed(thread);
        }
    }
}
