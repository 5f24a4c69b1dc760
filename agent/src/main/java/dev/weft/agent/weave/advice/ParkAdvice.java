package dev.weft.agent.weave.advice;

import dev.weft.boot.Kinds;
import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code LockSupport.park()}, {@code parkNanos(long)}, {@code parkUntil(long)}: kind park, no blocker named. */
public final class ParkAdvice {

    private ParkAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.Origin("#t.#m") String api, @Advice.Origin("#d") String descriptor) {
        return Waits.begin(Kinds.PARK, api, null, Waits.isTimed(descriptor));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
