package dev.weft.agent.weave.advice;

import dev.weft.boot.Kinds;
import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code Object.wait}, every overload: a span of kind monitor on the object waited on, or the span of the API that waits here (a platform thread's join). */
public final class MonitorWaitAdvice {

    private MonitorWaitAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This Object monitor, @Advice.Origin("#t.#m") String api, @Advice.Origin("#d") String descriptor) {
        return Waits.begin(Kinds.MONITOR, api, monitor, Waits.isTimed(descriptor));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
