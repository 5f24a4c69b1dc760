package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import java.util.concurrent.CountDownLatch;
import net.bytebuddy.asm.Advice;

/** {@code CountDownLatch.await}, both overloads; an open latch records nothing. */
public final class LatchAwaitAdvice {

    private LatchAwaitAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This CountDownLatch latch, @Advice.Origin("#t.#m") String api, @Advice.Origin("#d") String descriptor) {
        return Waits.latch(latch, api, Waits.isTimed(descriptor));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
