package dev.weft.agent.advice;

import dev.weft.boot.WaitEvent;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code LockSupport.park(Object)}, {@code parkNanos(Object, long)}, {@code parkUntil(Object, long)}: kind park, with the blocker. */
public final class ParkBlockerAdvice {

    private ParkBlockerAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitEvent enter(@Advice.Argument(0) Object blocker, @Advice.Origin("#t.#m") String api, @Advice.Origin("#d") String descriptor) {
        return Waits.begin("park", api, blocker, Waits.isTimed(descriptor));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitEvent wait) {
        Waits.end(wait);
    }
}
