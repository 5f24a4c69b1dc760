package dev.weft.agent.weave.advice;

import dev.weft.boot.Kinds;
import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/**
 * {@code LockSupport.park(Object)}, {@code parkNanos(Object, long)}, {@code parkUntil(Object, long)}:
 * kind park with its blocker, or the span of the API that parks here.
 */
public final class ParkBlockerAdvice {

    private ParkBlockerAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.Argument(0) Object blocker, @Advice.Origin("#t.#m") String api, @Advice.Origin("#d") String descriptor) {
        return Waits.begin(Kinds.PARK, api, blocker, Waits.isTimed(descriptor));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
