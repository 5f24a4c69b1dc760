package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code FutureTask.get}, {@code CompletableFuture.get/join}: kind future; a done future records nothing. */
public final class FutureGetAdvice {

    private FutureGetAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This Object future, @Advice.Origin("#t.#m") String api, @Advice.Origin("#d") String descriptor) {
        return Waits.future(future, api, Waits.isTimed(descriptor));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
