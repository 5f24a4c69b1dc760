package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StallGuardTest {

    /** Long beside a thread's start on a busy machine, so the stuck task has surely made its progress first. */
    private static final long STALL = TimeUnit.SECONDS.toNanos(2);
    /** For tasks that end at once: no busy machine stalls them this long. */
    private static final long NEVER = TimeUnit.SECONDS.toNanos(50);

    @Test
    void aTaskThatStopsMakingProgressIsGivenUpOn() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch reached = new CountDownLatch(1);
        AtomicLong progress = new AtomicLong();
        Thread[] worker = new Thread[1];
        try {
            RecordingException e = assertThrows(RecordingException.class, () -> StallGuard.run(() -> {
                worker[0] = Thread.currentThread();
                progress.set(42);
                reached.countDown();
                try {
                    never.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }, progress::get, STALL, n -> "stuck after " + n + " events"));
            assertEquals("stuck after 42 events", e.getMessage());
            assertTrue(reached.await(0, TimeUnit.SECONDS));
            assertTrue(worker[0].isDaemon(), "a stuck parser must not keep the JVM alive");
            assertEquals("weft-jfr-reader", worker[0].getName());
        } finally {
            never.countDown();
        }
    }

    @Test
    void aTaskThatEndsReturnsAndItsFailuresPassThrough() throws Exception {
        AtomicLong progress = new AtomicLong();
        Thread caller = Thread.currentThread();
        boolean[] otherThread = new boolean[1];
        StallGuard.run(() -> otherThread[0] = Thread.currentThread() != caller, progress::get, NEVER, n -> "x");
        assertTrue(otherThread[0], "the work runs on the guard's thread");

        RecordingException failure = new RecordingException("cannot read x: broken");
        assertSame(failure, assertThrows(RecordingException.class,
                () -> StallGuard.run(() -> {
                    throw failure;
                }, progress::get, NEVER, n -> "x")));
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class,
                () -> StallGuard.run(() -> {
                    throw bug;
                }, progress::get, NEVER, n -> "x")));
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
