package dev.weft.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.RecordedEvents;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.consumer.RecordedEvent;
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
    void nestedWaitsGiveOneSpanNamedByTheOutermostApi() throws Exception {
        RecordedEvents rec = RecordedEvents.during(() -> {
            Recorder.activate();
            try {
                WaitState outer = Waits.arm("future", "Future.get", this, false);
                assertTrue(outer != null);
                assertNull(Waits.begin("park", "LockSupport.park", null, false), "the park belongs to the outer wait");
                assertNull(Waits.arm("lock", "ReentrantLock.lock", null, false), "so does an inner API");
                Waits.end(outer);
                WaitState next = Waits.begin("sleep", "Thread.sleep", null, true);
                assertTrue(next != null, "after the outer span ends the thread records again");
                Waits.end(next);
            } finally {
                Recorder.deactivate();
            }
        });
        List<RecordedEvent> waits = rec.onThisThread("weft.Wait");
        assertEquals(List.of("future", "sleep"), waits.stream().map(e -> e.getString("kind")).toList());
        assertEquals("Future.get", waits.get(0).getString("api"));
        assertEquals(WaitsTest.class.getName(), waits.get(0).getClass("blockerClass").getName());
    }

    @Test
    void anArmedApiThatNeverBlocksRecordsNothing() throws Exception {
        RecordedEvents rec = RecordedEvents.during(() -> {
            Recorder.activate();
            try {
                for (int i = 0; i < 1000; i++) {
                    Waits.end(Waits.arm("queue", "LinkedBlockingQueue.take", this, false));
                }
            } finally {
                Recorder.deactivate();
            }
        });
        assertTrue(rec.onThisThread("weft.Wait").isEmpty());
    }

    @Test
    void theReusedEventCarriesEachWaitsOwnFields() throws Exception {
        Object first = new Object();
        RecordedEvents rec = RecordedEvents.during(() -> {
            Recorder.activate();
            try {
                WaitState a = Waits.arm("latch", "CountDownLatch.await", first, false);
                Waits.begin("park", "LockSupport.park", null, false);
                Waits.end(a);
                WaitState b = Waits.begin("park", "LockSupport.parkNanos", null, true);
                Waits.end(b);
            } finally {
                Recorder.deactivate();
            }
        });
        List<RecordedEvent> waits = rec.onThisThread("weft.Wait");
        assertEquals(2, waits.size());
        assertEquals(System.identityHashCode(first), waits.get(0).getInt("blockerId"));
        assertFalse(waits.get(0).getBoolean("timed"));
        assertEquals("park", waits.get(1).getString("kind"));
        assertEquals(0, waits.get(1).getInt("blockerId"), "no blocker left over from the previous wait");
        assertTrue(waits.get(1).getBoolean("timed"));
        assertNull(waits.get(1).getClass("blockerClass"));
    }

    @Test
    void ioAndIdleSpansTooBriefToSeeAreNotToldLongerOnesAreWithWhatTheyWaitedFor() throws Exception {
        assertEquals(1_000_000L, WaitState.BRIEF_NANOS, "the threshold of the JVM's own socket events in Weft's settings");
        RecordedEvents rec = RecordedEvents.during(() -> {
            Recorder.activate();
            try {
                // every io or idle span is too brief here, whatever the scheduler does between begin and end
                WaitState.briefNanos = Long.MAX_VALUE;
                Waits.end(Waits.io("NioSocketImpl.connect", this, "10.0.0.1:80", 0));
                WaitState idle = Waits.arm(Kinds.IDLE, "ThreadPoolExecutor.getTask", this, false);
                Waits.begin("park", "LockSupport.park", null, false);
                Waits.end(idle);
                Waits.end(Waits.begin("sleep", "Thread.sleep", null, true));
                // and here every one is long enough
                WaitState.briefNanos = 0;
                Waits.end(Waits.io("NioSocketImpl.connect", this, "10.0.0.2:80", 0));
            } finally {
                WaitState.briefNanos = WaitState.BRIEF_NANOS;
                Recorder.deactivate();
            }
        });
        List<RecordedEvent> waits = rec.onThisThread("weft.Wait");
        assertEquals(List.of("sleep", "io"), waits.stream().map(e -> e.getString("kind")).toList(),
                "a brief connect and a brief idle poll are left out; other kinds are told however brief");
        assertEquals("10.0.0.2:80", waits.get(1).getString("detail"));
    }

    @Test
    void aBriefWaitTheSamplerListedAsInProgressIsToldWhenItEnds() throws Exception {
        RecordedEvents rec = RecordedEvents.during(() -> {
            Recorder.activate();
            try {
                WaitState.briefNanos = Long.MAX_VALUE;
                Waits.end(Waits.io("NioSocketImpl.connect", this, "10.0.0.1:80", 0));
                WaitState sampled = Waits.io("NioSocketImpl.connect", this, "10.0.0.2:80", 0);
                List<String> listed = new java.util.ArrayList<>();
                OpenWaits.visit((thread, kind, api, blockerClass, blockerId, target, startTicks) -> {
                    if (thread == Thread.currentThread()) {
                        listed.add(kind);
                    }
                });
                assertEquals(List.of("io"), listed, "the sampler saw it in progress");
                Waits.end(sampled);
                Waits.end(Waits.io("NioSocketImpl.connect", this, "10.0.0.3:80", 0));
            } finally {
                WaitState.briefNanos = WaitState.BRIEF_NANOS;
                Recorder.deactivate();
            }
        });
        List<RecordedEvent> waits = rec.onThisThread("weft.Wait");
        assertEquals(List.of("10.0.0.2:80"), waits.stream().map(e -> e.getString("detail")).toList(),
                "told however brief, or the model would draw it open to the end; the next brief one is not");
    }

    @Test
    void acceptOnANonBlockingChannelIsNoWait() throws Exception {
        Recorder.activate();
        try (ServerSocketChannel channel = ServerSocketChannel.open()) {
            channel.configureBlocking(false);
            assertNull(Waits.accept("ServerSocketChannelImpl.accept", channel), "returns at once, connection or not");
            channel.configureBlocking(true);
            WaitState blocking = Waits.accept("ServerSocketChannelImpl.accept", channel);
            assertTrue(blocking != null, "a blocking accept waits for the next connection");
            Waits.end(blocking);
        } finally {
            Recorder.deactivate();
        }
    }

    @Test
    void inactiveRecorderRecordsNothing() {
        Recorder.deactivate();
        assertNull(Waits.begin("sleep", "Thread.sleep", null, true));
        assertNull(Waits.arm("lock", "ReentrantLock.lock", null, false));
        assertNull(Workloads.begin("a.B::c"));
    }
}
