package dev.weft.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecorderTest {

    @Test
    void weftsOwnThreadsAreKnownByIdentityNotByName() {
        Runnable nothing = () -> { };
        assertTrue(Recorder.isIgnoredThread(AgentThread.create(nothing, "anything")));
        assertFalse(Recorder.isIgnoredThread(new Thread(nothing, "weft-worker")),
                "an application thread that happens to be called weft-… is the application's");
        assertFalse(Recorder.isIgnoredThread(new Thread(nothing, "worker")));
    }
}
