package dev.weft.agent.weave.advice;

import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code LockSupport.unpark(Thread)}: the caller ends another thread's wait — a weft.Wake. */
public final class UnparkAdvice {

    private UnparkAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) Thread woken) {
        Waits.unpark(woken);
    }
}
