package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code ProcessImpl.waitFor}, both overloads: kind process, naming the process id. */
public final class ProcessWaitAdvice {

    private ProcessWaitAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This Process process, @Advice.Origin("#t.#m") String api,
                           @Advice.Origin("#d") String descriptor) {
        return Waits.process(process, api, Waits.isTimed(descriptor));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
