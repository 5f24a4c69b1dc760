package dev.weft.agent.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.RecordedEvents;
import dev.weft.boot.Recorder;
import dev.weft.boot.WaitState;
import dev.weft.boot.Waits;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WaitSamplerTest {

    @Test
    void aSampleListsEachWaitInProgressWithItsStartThenClosesTheList() throws Exception {
        Object monitor = new Object();
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] threads = new Thread[2];
        Instant[] started = new Instant[1];
        RecordedEvents rec = RecordedEvents.during(() -> {
            Recorder.activate();
            try {
                started[0] = Instant.now();
                threads[0] = new Thread(() -> {
                    WaitState s = Waits.begin("sleep", "Thread.sleep", null, true);
                    begun.countDown();
                    await(release);
                    Waits.end(s);
                }, "sampled-sleeper");
                threads[0].start();
                assertTrue(begun.await(30, TimeUnit.SECONDS));
                synchronized (monitor) {
                    threads[1] = new Thread(() -> {
                        synchronized (monitor) {
                            monitor.hashCode();
                        }
                    }, "sampled-blocked");
                    threads[1].start();
                    while (threads[1].getState() != Thread.State.BLOCKED) {
                        Thread.onSpinWait(); // bounded by the test's timeout
                    }
                    WaitSampler sampler = new WaitSampler();
                    sampler.run();
                    sampler.run();
                }
            } finally {
                Recorder.deactivate();
                release.countDown();
            }
            threads[0].join(30_000);
            threads[1].join(30_000);
        });

        List<RecordedEvent> samples = rec.named("weft.WaitSample");
        assertEquals(List.of(1L, 2L), samples.stream().map(e -> e.getLong("sample")).toList());
        List<RecordedEvent> waits = rec.named("weft.WaitInProgress");
        RecordedEvent sleep = only(waits, "sampled-sleeper", 1);
        assertEquals("sleep", sleep.getString("kind"));
        assertNotNull(sleep.getThread("thread"));
        assertEquals(threads[0].threadId(), sleep.getLong("threadId"));
        Instant since = sleep.getInstant("since");
        assertFalse(since.isBefore(started[0].minusMillis(50)), since + " vs " + started[0]);
        assertFalse(since.isAfter(sleep.getStartTime()), "it began before it was sampled");

        RecordedEvent blocked = only(waits, "sampled-blocked", 1);
        assertEquals("monitor-enter", blocked.getString("kind"));
        assertEquals(Object.class.getName(), blocked.getString("blockerClass"));
        assertEquals(System.identityHashCode(monitor), blocked.getInt("blockerId"));
        assertEquals(Thread.currentThread().threadId(), blocked.getLong("targetThreadId"), "the monitor's owner");
        assertEquals(blocked.getInstant("since"), only(waits, "sampled-blocked", 2).getInstant("since"),
                "a monitor wait keeps the time it was first seen");
        assertEquals(sleep.getInstant("since"), only(waits, "sampled-sleeper", 2).getInstant("since"));
        for (RecordedEvent s : samples) {
            assertTrue(s.getInt("inProgress") >= 2 && s.getInt("listed") == s.getInt("inProgress"), s.toString());
        }
    }

    @Test
    void aLockNameGivesClassAndIdentity() {
        assertEquals("java.lang.Object", UnwovenWaits.className("java.lang.Object@1b6d3586"));
        assertEquals(0x1b6d3586, UnwovenWaits.identity("java.lang.Object@1b6d3586"));
        assertEquals(0xfffffff0, UnwovenWaits.identity("a.B@fffffff0"));
        assertEquals(0, UnwovenWaits.identity("odd"));
    }

    private static RecordedEvent only(List<RecordedEvent> waits, String thread, long sample) {
        List<RecordedEvent> of = waits.stream()
                .filter(e -> thread.equals(e.getString("threadName")) && e.getLong("sample") == sample).toList();
        assertEquals(1, of.size(), thread + " in sample " + sample + ": " + waits);
        return of.get(0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
