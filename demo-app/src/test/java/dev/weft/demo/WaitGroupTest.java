package dev.weft.demo;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Threads are paced with latches and join(); the only timed waits are failure guards or checks that
// something has NOT happened, which can let a bug slip through but never fail a correct WaitGroup.
@Timeout(30)
class WaitGroupTest {

    @Test
    void awaitReturnsAtOnceWhenNothingWasAdded() throws InterruptedException {
        var wg = new WaitGroup();
        wg.await();
        assertAllDone(wg);
    }

    @Test
    void awaitReturnsOnlyAfterEveryDone() throws InterruptedException {
        int tasks = 4;
        var wg = new WaitGroup();
        var doneCalls = new AtomicInteger();
        var seenByWaiter = new AtomicInteger(-1);
        var waiterReturned = new CountDownLatch(1);
        List<CountDownLatch> releases = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        wg.add(tasks);
        for (int i = 0; i < tasks; i++) {
            var release = new CountDownLatch(1);
            releases.add(release);
            workers.add(Thread.ofPlatform().start(() -> {
                awaitUninterruptibly(release);
                doneCalls.incrementAndGet();
                wg.done();
            }));
        }
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                wg.await();
                seenByWaiter.set(doneCalls.get());
                waiterReturned.countDown();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });

        for (int i = 0; i < tasks - 1; i++) {
            releases.get(i).countDown();
            workers.get(i).join();
            assertEquals(tasks - 1 - i, wg.count());
            assertOutstanding(wg, "await(timeout) reported zero with tasks outstanding");
        }
        assertFalse(waiterReturned.await(100, MILLISECONDS), "await() returned with one done() outstanding");

        releases.get(tasks - 1).countDown();
        assertTrue(waiterReturned.await(10, SECONDS), "await() did not return after the last done()");
        waiter.join();
        assertEquals(tasks, seenByWaiter.get());
        assertEquals(0, wg.count());
    }

    @Test
    void everyAwaitingThreadIsReleased() throws InterruptedException {
        var wg = new WaitGroup();
        wg.add(1);
        var released = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            Thread.ofPlatform().start(() -> {
                try {
                    wg.await();
                    released.countDown();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
        }
        assertFalse(released.await(100, MILLISECONDS), "an awaiting thread was released before done()");
        wg.done();
        assertTrue(released.await(10, SECONDS), "not every awaiting thread was released");
    }

    @Test
    void timedAwaitReturnsFalseWhileTasksAreOutstandingAndTrueOnceDone() throws InterruptedException {
        var wg = new WaitGroup();
        wg.add(2);
        assertFalse(wg.await(20, MILLISECONDS));
        wg.done();
        // A timed-out await must not count as a finished task when the group is awaited again.
        assertFalse(wg.await(20, MILLISECONDS));
        assertOutstanding(wg);
        wg.done();
        assertAllDone(wg);
    }

    @Test
    void tasksAddedWhileAwaitingAreWaitedFor() throws InterruptedException {
        var wg = new WaitGroup();
        wg.add(1);
        assertOutstanding(wg); // the awaiting side has now arrived in this round
        wg.add(1);
        wg.done();
        assertOutstanding(wg, "the task added during the round was not waited for");
        wg.done();
        assertAllDone(wg);
    }

    @Test
    void canBeReusedAfterAwaitReturned() throws InterruptedException {
        var wg = new WaitGroup();
        for (int round = 0; round < 3; round++) {
            wg.add(2);
            assertOutstanding(wg);
            wg.done();
            assertOutstanding(wg);
            wg.done();
            wg.await();
        }
    }

    @Test
    void doneWithoutAddThrowsAndLeavesTheGroupUsable() throws InterruptedException {
        var wg = new WaitGroup();
        var e = assertThrows(IllegalStateException.class, wg::done);
        assertTrue(e.getMessage().contains("negative WaitGroup counter"), e.getMessage());
        assertEquals(0, wg.count());
        wg.add(1);
        assertOutstanding(wg);
        wg.done();
        assertThrows(IllegalStateException.class, wg::done);
        assertAllDone(wg);
    }

    @Test
    void negativeAddIsRefused() {
        var wg = new WaitGroup();
        assertThrows(IllegalArgumentException.class, () -> wg.add(-1));
        assertEquals(0, wg.count());
    }

    @Test
    void addBeyondTheLimitIsRefused() throws InterruptedException {
        var wg = new WaitGroup();
        wg.add(WaitGroup.MAX_COUNT);
        assertThrows(IllegalStateException.class, () -> wg.add(1));
        assertEquals(WaitGroup.MAX_COUNT, wg.count());
        for (int i = 0; i < WaitGroup.MAX_COUNT; i++) {
            wg.done();
        }
        assertAllDone(wg);
    }

    @Test
    void awaitIsInterruptible() throws InterruptedException {
        var wg = new WaitGroup();
        wg.add(1);
        var failure = new AtomicReference<Throwable>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                wg.await();
                failure.set(new AssertionError("await() returned although the task was not done"));
            } catch (InterruptedException expected) {
                // the point of the test
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        // Whether the interrupt lands before or during await(), await() must throw.
        waiter.interrupt();
        waiter.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        // The interrupted waiter left the group in order: it still waits for its task.
        assertOutstanding(wg);
        wg.done();
        assertAllDone(wg);
    }

    /** Asserts, without waiting, that every task added to {@code wg} is done. */
    private static void assertAllDone(WaitGroup wg) throws InterruptedException {
        assertTrue(wg.await(0, MILLISECONDS), "await(0) reported tasks outstanding");
    }

    /** Asserts, without waiting, that {@code wg} still has tasks outstanding. */
    private static void assertOutstanding(WaitGroup wg) throws InterruptedException {
        assertOutstanding(wg, "await(0) reported every task done");
    }

    private static void assertOutstanding(WaitGroup wg, String message) throws InterruptedException {
        assertFalse(wg.await(0, MILLISECONDS), message);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
