package dev.weft.agent.weave.advice;

import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import java.net.SocketAddress;
import net.bytebuddy.asm.Advice;

/** {@code SocketChannelImpl} reads and writes: like {@link SocketIoAdvice}, for channels. */
public final class ChannelIoAdvice {

    private ChannelIoAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static WaitState enter(@Advice.This Object channel, @Advice.Origin("#t.#m") String api,
                           @Advice.FieldValue("remoteAddress") SocketAddress remote) {
        return Waits.ioArm(api, channel, remote, 0);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter WaitState wait) {
        Waits.end(wait);
    }
}
