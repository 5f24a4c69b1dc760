package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/**
 * Every other blocking API (barrier, phaser, semaphore, condition, lock, executor, queue): armed at
 * entry, recorded only if it blocks. The kind is bound per transformation through {@link WaitKind}.
 */
public final class ApiWaitAdvice {

    private ApiWaitAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@WaitKind String kind, @Advice.This Object blocker, @Advice.Origin("#t.#m") String api, @Advice.Origin("#d") String descriptor) {
        return Waits.arm(kind, api, blocker, Waits.isTimed(descriptor));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
