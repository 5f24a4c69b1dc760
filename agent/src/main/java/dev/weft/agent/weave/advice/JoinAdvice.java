package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code Thread.join}, every overload: kind join, naming the thread waited for; a finished thread records nothing. */
public final class JoinAdvice {

    private JoinAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This Thread target, @Advice.Origin("#t.#m") String api, @Advice.Origin("#d") String descriptor) {
        return Waits.join(target, api, Waits.isTimed(descriptor));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
