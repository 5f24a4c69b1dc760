package dev.weft.reports.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live view's state from real events: the waits the last sample saw in progress are blocked or
 * idle, with how long they lasted so far; a wait that ended, or one only an older sample saw, is not.
 */
class LiveWindowTest {

    @TempDir
    Path dir;

    @Test
    void theLastSampleSaysWhoIsBlockedAndWhoIsIdleAndForHowLong() throws Exception {
        Thread sleeper = new Thread(() -> { }, "sleeper");
        Thread worker = new Thread(() -> { }, "pool-1-thread-1");
        Thread done = new Thread(() -> { }, "done-waiting");
        Thread cleaner = new Thread(() -> { }, "Common-Cleaner");
        long[] ticks = new long[1];
        Path jfr = Recordings.record(dir.resolve("live.jfr"), true, () -> {
            ticks[0] = ticksNow();
            WeftEvents.sleep(30);
            inProgress(1, done, "latch", "java.util.concurrent.CountDownLatch.await", null, ticks[0]);
            sample(1, 1);
            WeftEvents.await("latch", "java.util.concurrent.CountDownLatch.await", new CountDownLatch(1), null,
                    () -> WeftEvents.sleep(5));
            inProgress(2, sleeper, "sleep", "java.lang.Thread.sleep", null, ticks[0]);
            inProgress(2, worker, "idle", "java.util.concurrent.ThreadPoolExecutor.getTask",
                    ArrayBlockingQueue.class.getName(), ticks[0]);
            inProgress(2, cleaner, "queue", "java.lang.ref.ReferenceQueue.remove", null, ticks[0]);
            sample(2, 3);
        });
        LiveWindow window = new LiveWindow(60_000);
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        events.forEach(window::accept);
        long now = System.currentTimeMillis();
        LiveState state = window.capture().view(now - 5_000, now).state();

        assertTrue(state.sampled());
        assertEquals(5_000, state.t());
        assertEquals(List.of("sleeper"), state.blocked().stream().map(LiveState.Waiting::thread).toList());
        assertEquals(List.of("pool-1-thread-1"), state.idle().stream().map(LiveState.Waiting::thread).toList(),
                "a pool worker's wait for work is idle; the JDK's own thread is not counted");
        LiveState.Waiting s = state.blocked().get(0);
        assertEquals("sleep", s.kind());
        assertTrue(s.forMs() >= 30 && s.forMs() < 10_000, "since the ticks read before the 30 ms sleep: " + s.forMs());
        assertTrue(state.running() >= 2, "main and the thread whose wait ended: " + state);

        String line = state.toJsonLine(10);
        assertTrue(line.startsWith("{\"t\":5000,\"threads\":{\"running\":" + state.running()
                + ",\"blocked\":1,\"idle\":1},\"blocked\":[{\"thread\":\"sleeper\",\"kind\":\"sleep\",\"forMs\":"
                + s.forMs() + ",\"on\":null,\"api\":\"java.lang.Thread.sleep\"}],\"behindMs\":"), line);
        assertFalse(line.contains("\n"));
    }

    @Test
    void theIdleKindIsIdleEveryOtherBlocks() {
        assertTrue(WaitClass.idle("idle"));
        assertFalse(WaitClass.idle("queue"), "a consumer taking from its queue is blocked on it");
        assertFalse(WaitClass.idle("lock"));
        assertFalse(WaitClass.idle("sleep"));
        assertFalse(WaitClass.idle(null));
    }

    private static void inProgress(long sample, Thread t, String kind, String api, String on, long since) {
        WeftEvents.WaitInProgress e = new WeftEvents.WaitInProgress();
        e.sample = sample;
        e.threadId = t.threadId();
        e.threadName = t.getName();
        e.kind = kind;
        e.api = api;
        e.blockerClass = on;
        e.since = since;
        e.commit();
    }

    private static void sample(long sample, int n) {
        WeftEvents.WaitSample e = new WeftEvents.WaitSample();
        e.sample = sample;
        e.inProgress = n;
        e.listed = n;
        e.commit();
    }

    /** JFR's ticks now, read as the agent reads them: from a begun event's start time. */
    private static long ticksNow() throws Exception {
        WeftEvents.WaitSample probe = new WeftEvents.WaitSample();
        probe.begin();
        java.lang.reflect.Field f = WeftEvents.WaitSample.class.getDeclaredField("startTime");
        f.setAccessible(true);
        return f.getLong(probe);
    }
}
