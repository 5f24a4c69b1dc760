package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.read.JfrReader;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.Recording;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a thread waited: the stack a recorded event carries reaches its span. */
class StacksTest {

    private static final long MS = 1_000_000L;

    @Test
    void aBuiltInSleepKeepsItsTopFrames(@TempDir Path dir) throws Exception {
        long[] id = new long[1];
        Path jfr = dir.resolve("sleep.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ThreadSleep").withThreshold(Duration.ZERO).withStackTrace();
            r.enable("jdk.ThreadStart");
            r.enable("jdk.ThreadEnd");
            r.start();
            Thread t = new Thread(StacksTest::sleepHere, "sleeper");
            id[0] = t.threadId();
            t.start();
            t.join();
            r.stop();
            r.dump(jfr);
        }
        Model m = JfrReader.read(jfr);
        ThreadInfo sleeper = m.threads().get(m.indexOf(id[0]));
        WaitSpans w = sleeper.waits();
        assertTrue(w.size() >= 1);
        String stack = m.strings().get(w.stack(0));
        assertTrue(stack != null && stack.contains("StacksTest.sleepHere"), "the caller is among the top frames: " + stack);
        assertTrue(stack.lines().count() <= 9, "top frames only:\n" + stack);
    }

    private static void sleepHere() {
        WeftEvents.sleep(20);
    }

    @Test
    void anAgentWaitWithoutAStackTakesTheMergedJvmEventsStack() {
        ModelBuilder b = new ModelBuilder(null);
        long t0 = 1_000_000_000_000L;
        b.event("x", t0, t0 + 100 * MS);
        ThreadInfo t = b.thread(1, "t", false);
        b.agentWait(t, t0 + 10 * MS, t0 + 50 * MS, "latch", "CountDownLatch.await", null, 0, -1, false);
        b.builtInWait(t, t0 + 11 * MS, t0 + 49 * MS, "park", "LockSupport.park", null, -1, false,
                "jdk.internal.misc.Unsafe.park\nx.Y.await:12");
        b.agentWait(t, t0 + 60 * MS, t0 + 70 * MS, "latch", "CountDownLatch.await", null, 0, -1, false, "a.B.c:1");
        b.builtInWait(t, t0 + 61 * MS, t0 + 69 * MS, "park", "LockSupport.park", null, -1, false, "other.D.e:2");
        Model m = b.build();
        WaitSpans w = m.threads().get(0).waits();
        assertEquals(2, w.size(), "both JVM events merged");
        assertEquals("jdk.internal.misc.Unsafe.park\nx.Y.await:12", m.strings().get(w.stack(0)));
        assertEquals("a.B.c:1", m.strings().get(w.stack(1)), "the agent's own stack is kept");
    }
}
