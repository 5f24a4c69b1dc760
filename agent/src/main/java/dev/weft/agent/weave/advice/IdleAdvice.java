package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor.getTask}, {@code ForkJoinPool.awaitWork}: a worker asks for its next
 * task. Armed, so a queue with work records nothing; the queue's park inside begins an {@code idle} span.
 */
public final class IdleAdvice {

    private IdleAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This Object pool, @Advice.Origin("#t.#m") String api) {
        return Waits.idle(api, pool);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
