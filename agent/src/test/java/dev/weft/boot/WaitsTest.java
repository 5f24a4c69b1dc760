package dev.weft.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class WaitsTest {

    @Test
    void timedIsReadFromTheDescriptor() {
        assertTrue(Waits.isTimed("(J)V"));
        assertTrue(Waits.isTimed("(JI)V"));
        assertTrue(Waits.isTimed("(Ljava/time/Duration;)Z"));
        assertTrue(Waits.isTimed("(Ljava/lang/Object;J)V"));
        assertTrue(Waits.isTimed("(IJLjava/util/concurrent/TimeUnit;)I"));
        assertFalse(Waits.isTimed("()V"));
        assertFalse(Waits.isTimed("(Ljava/lang/Object;)V"));
        assertFalse(Waits.isTimed("(I)I"));
        assertFalse(Waits.isTimed("(Ljava/lang/Jar;)V"), "a J inside a class name is no long");
    }

    @Test
    void callsThatCannotBlockRecordNothing() {
        Recorder.activate();
        try {
            assertNull(Waits.latch(new CountDownLatch(0), "CountDownLatch.await", false), "open latch");
            Thread done = new Thread(() -> { });
            assertNull(Waits.join(done, "Thread.join", false), "never started");
            assertNull(Waits.join(Thread.currentThread(), "Thread.join", false), "self join");
        } finally {
            Recorder.deactivate();
        }
    }

    @Test
    void nestedWaitsGiveOneSpan() {
        Recorder.activate();
        try {
            WaitEvent outer = Waits.begin("future", "Future.get", null, false);
            assertTrue(outer != null);
            assertNull(Waits.begin("park", "LockSupport.park", null, false), "inner wait is covered by the outer");
            Waits.end(outer);
            WaitEvent next = Waits.begin("sleep", "Thread.sleep", null, true);
            assertTrue(next != null, "after the outer span ends the thread records again");
            Waits.end(next);
        } finally {
            Recorder.deactivate();
        }
    }

    @Test
    void inactiveRecorderRecordsNothing() {
        Recorder.deactivate();
        assertNull(Waits.begin("sleep", "Thread.sleep", null, true));
        assertNull(Workloads.begin("a.B::c"));
    }
}
