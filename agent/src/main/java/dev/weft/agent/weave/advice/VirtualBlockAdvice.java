package dev.weft.agent.weave.advice;

import dev.weft.boot.Threads;
import net.bytebuddy.asm.Advice;

/**
 * JDK 24+ {@code VirtualThread.afterYield} and {@code runContinuation}, on the carrier: a virtual
 * thread that unmounts to wait for a monitor (state BLOCKING), and that may run again (UNBLOCKED).
 * The JVM's {@code jdk.JavaMonitorEnter} is not emitted for it. Woven only where those states exist.
 */
public final class VirtualBlockAdvice {

    private VirtualBlockAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Thread thread, @Advice.FieldValue("state") int state,
                      @Advice.FieldValue("BLOCKING") int blocking, @Advice.FieldValue("UNBLOCKED") int unblocked) {
        if (state == blocking) {
            Threads.virtualBlocked(thread, false);
        } else if (state == unblocked) {
            Threads.virtualBlocked(thread, true);
        }
    }
}
