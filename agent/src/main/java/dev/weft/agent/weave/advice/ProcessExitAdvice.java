package dev.weft.agent.weave.advice;

import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code Process.onExit()}, {@code ProcessHandle.onExit()}: the calling thread's next {@code get} on that future waits for a process. */
public final class ProcessExitAdvice {

    private ProcessExitAdvice() { }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return Object future) {
        Waits.processFuture(future);
    }
}
