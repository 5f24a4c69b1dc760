package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/**
 * {@code accept} of sockets and server channels: an {@code io} span begun at once, for a platform
 * thread blocks in native code where no park could begin it; none on a non-blocking channel.
 */
public final class IoBeginAdvice {

    private IoBeginAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This Object blocker, @Advice.Origin("#t.#m") String api) {
        return Waits.accept(api, blocker);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
