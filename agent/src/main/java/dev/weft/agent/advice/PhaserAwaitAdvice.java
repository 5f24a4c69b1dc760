package dev.weft.agent.advice;

import java.util.concurrent.Phaser;
import dev.weft.boot.WaitEvent;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code Phaser.awaitAdvance*} and {@code arriveAndAwaitAdvance}: a span of kind phaser. */
public final class PhaserAwaitAdvice {

    private PhaserAwaitAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitEvent enter(@Advice.This Phaser phaser, @Advice.Origin("#t.#m") String api, @Advice.Origin("#d") String descriptor) {
        return Waits.phaser(phaser, api, Waits.isTimed(descriptor));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitEvent wait) {
        Waits.end(wait);
    }
}
