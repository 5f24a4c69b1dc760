package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import java.net.InetAddress;
import net.bytebuddy.asm.Advice;

/**
 * {@code NioSocketImpl.read/write}, under every {@code Socket} stream: armed, free when the data is
 * there; a virtual thread's park inside begins an {@code io} span naming the remote address. A
 * platform thread blocks in native code instead, where JFR's own {@code jdk.SocketRead/Write} see it.
 */
public final class SocketIoAdvice {

    private SocketIoAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This Object socket, @Advice.Origin("#t.#m") String api,
                           @Advice.FieldValue("address") InetAddress address, @Advice.FieldValue("port") int port) {
        return Waits.ioArm(api, socket, address, port);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
