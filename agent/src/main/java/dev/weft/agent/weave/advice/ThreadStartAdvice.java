package dev.weft.agent.weave.advice;

import dev.weft.boot.Threads;
import net.bytebuddy.asm.Advice;

/** {@code Thread.start} (platform and virtual): who started whom. Runs only when the start succeeded. */
public final class ThreadStartAdvice {

    private ThreadStartAdvice() { }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Thread started) {
        Threads.started(started);
    }
}
