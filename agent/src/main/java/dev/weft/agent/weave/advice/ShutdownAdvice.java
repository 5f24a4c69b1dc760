package dev.weft.agent.weave.advice;

import dev.weft.boot.Threads;
import net.bytebuddy.asm.Advice;

/** {@code java.lang.Shutdown.exit/shutdown}: the JVM begins to exit; record who is cut short while JFR still records. */
public final class ShutdownAdvice {

    private ShutdownAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        Threads.shutdownBegins();
    }
}
