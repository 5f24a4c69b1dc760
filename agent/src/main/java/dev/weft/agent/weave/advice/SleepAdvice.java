package dev.weft.agent.weave.advice;

import dev.weft.boot.Kinds;
import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code Thread.sleep}, every overload: a span of kind sleep. */
public final class SleepAdvice {

    private SleepAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.Origin("#t.#m") String api, @Advice.Origin("#d") String descriptor) {
        return Waits.begin(Kinds.SLEEP, api, null, true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
