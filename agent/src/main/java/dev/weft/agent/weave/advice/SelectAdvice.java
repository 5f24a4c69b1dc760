package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/**
 * {@code SelectorImpl.lockAndDoSelect}, under every {@code select}: an {@code io} span begun at once
 * ({@code selectNow}, timeout 0, never blocks and records nothing); {@code idle} inside a server's
 * dispatch loop.
 */
public final class SelectAdvice {

    private SelectAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This Object selector, @Advice.Argument(1) long timeout) {
        return timeout == 0 ? null : Waits.io("Selector.select", selector, null, 0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
