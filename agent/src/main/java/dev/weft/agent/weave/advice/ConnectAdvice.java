package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import net.bytebuddy.asm.Advice;

/** {@code connect(SocketAddress …)} of sockets and channels: an {@code io} span naming the address, begun at once. */
public final class ConnectAdvice {

    private ConnectAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This Object blocker, @Advice.Origin("#t.#m") String api,
                           @Advice.Argument(0) Object address) {
        return Waits.io(api, blocker, address, 0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
