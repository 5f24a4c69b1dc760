package dev.weft.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.RecordedEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenWaitsTest {

    private record Seen(Thread thread, String kind, String api, Class<?> blockerClass, int blockerId, long ticks) { }

    private static List<Seen> visit(Thread of) {
        List<Seen> seen = new ArrayList<>();
        OpenWaits.visit((thread, kind, api, blockerClass, blockerId, target, startTicks) -> {
            if (thread == of) {
                seen.add(new Seen(thread, kind, api, blockerClass, blockerId, startTicks));
            }
        });
        return seen;
    }

    @Test
    void aWaitInProgressIsListedWithItsStartUntilItEndsAndItsThreadIsForgottenWhenItEnds() throws Exception {
        Object blocker = new Object();
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        RecordedEvents.during(() -> {
            Recorder.activate();
            try {
                long before = OpenWaits.nowTicks();
                Thread waiter = new Thread(() -> {
                    WaitState s = Waits.begin("sleep", "Thread.sleep", blocker, true);
                    begun.countDown();
                    awaitQuietly(release); // Recorder ignores nothing here: no advice in this test
                    Waits.end(s);
                    ended.countDown();
                    awaitQuietly(finish);
                }, "open-waits-test");
                waiter.start();
                assertTrue(begun.await(30, TimeUnit.SECONDS));
                long after = OpenWaits.nowTicks();

                List<Seen> open = visit(waiter);
                assertEquals(1, open.size(), open.toString());
                Seen s = open.get(0);
                assertEquals("sleep", s.kind());
                assertEquals("Thread.sleep", s.api());
                assertEquals(Object.class, s.blockerClass());
                assertEquals(System.identityHashCode(blocker), s.blockerId());
                assertTrue(before > 0 && before <= s.ticks() && s.ticks() <= after,
                        before + " <= " + s.ticks() + " <= " + after);

                release.countDown();
                assertTrue(ended.await(30, TimeUnit.SECONDS));
                assertTrue(visit(waiter).isEmpty(), "an ended wait is not in progress");
                int listed = OpenWaits.visit((thread, kind, api, blockerClass, blockerId, target, startTicks) -> { });

                finish.countDown();
                waiter.join(30_000);
                assertFalse(waiter.isAlive());
                assertEquals(listed - 1, OpenWaits.visit((thread, kind, api, c, id, target, t) -> { }),
                        "the ended thread's state is dropped");
            } finally {
                Recorder.deactivate();
                release.countDown();
                finish.countDown();
            }
        });
    }

    @Test
    void aCallThatNeverBlocksNeverJoinsTheListAndTheFirstThatBlocksDoes() throws Exception {
        boolean[] listed = new boolean[2];
        Recorder.activate();
        try {
            Thread caller = new Thread(() -> {
                Waits.end(Waits.arm("latch", "CountDownLatch.await", this, false));
                listed[0] = Recorder.state().listed;
                Waits.end(Waits.begin("park", "LockSupport.park", null, false));
                listed[1] = Recorder.state().listed;
            }, "never-blocks");
            caller.start();
            caller.join(30_000);
        } finally {
            Recorder.deactivate();
        }
        assertFalse(listed[0], "the non-blocking path does not register");
        assertTrue(listed[1], "a wait that begins does");
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
