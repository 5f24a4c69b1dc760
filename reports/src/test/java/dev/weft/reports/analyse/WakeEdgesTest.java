package dev.weft.reports.analyse;

import static dev.weft.reports.testing.TimedModels.at;
import static dev.weft.reports.testing.TimedModels.recording;
import static dev.weft.reports.testing.TimedModels.started;
import static dev.weft.reports.testing.TimedModels.thread;
import static dev.weft.reports.testing.WeftEvents.await;
import static dev.weft.reports.testing.WeftEvents.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.TestThreads;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who ended each wait: the three matching rules on exact times, then on a real recording. */
class WakeEdgesTest {

    /** Each test's model, built by hand on exact times: a recording of 100 ms (JUnit makes one per test). */
    private final ModelBuilder b = recording(100);

    private static int index(Model m, long id) {
        return m.indexOf(id);
    }

    @Test
    void theLatestWakeInsideTheWaitOrJustAfterItEndsItsWait() {
        ThreadInfo waiter = b.thread(1, "waiter", false);
        ThreadInfo early = b.thread(2, "early", false);
        ThreadInfo late = b.thread(3, "late", false);
        b.agentWait(waiter, at(10), at(20), "latch", "CountDownLatch.await", "L", 5, -1, false);
        b.wake(early, at(12), 1, 5, "unpark");
        b.wake(late, at(21.5), 1, 5, "unpark"); // within 2 ms after the end: the one that ended it
        b.wake(early, at(25), 1, 5, "unpark"); // too late for the wait
        Model m = b.build();
        WakeEdges e = WakeEdges.of(m);
        assertEquals(1, e.size());
        assertEquals(1, e.eligibleWaits());
        assertEquals(1, e.matchedWaits());
        assertEquals(index(m, 3), e.waker(0));
        assertEquals(index(m, 1), e.woken(0));
        assertEquals(0, e.waitSpan(0));
        assertEquals(at(21.5), e.time(0));
        assertEquals("unpark", e.how(0));
        assertEquals(0, e.find(index(m, 1), 0));
        assertEquals(-1, e.find(index(m, 2), 0));
    }

    @Test
    void aWakeBeforeTheWaitOrForAnotherThreadDoesNotCount() {
        ThreadInfo waiter = b.thread(1, "waiter", false);
        ThreadInfo other = b.thread(2, "other", false);
        ThreadInfo waker = b.thread(3, "waker", false);
        b.agentWait(waiter, at(10), at(20), "lock", "ReentrantLock.lock", "L", 5, -1, false);
        b.agentWait(other, at(10), at(20), "lock", "ReentrantLock.lock", "L", 5, -1, false);
        b.wake(waker, at(9.9), 1, 5, "unpark");
        b.wake(waker, at(15), 2, 5, "unpark");
        Model m = b.build();
        WakeEdges e = WakeEdges.of(m);
        assertEquals(2, e.eligibleWaits());
        assertEquals(1, e.matchedWaits());
        assertEquals(index(m, 2), e.woken(0));
    }

    @Test
    void aWakeAfterTheNextWaitBeganBelongsToTheNextWait() {
        ThreadInfo waiter = b.thread(1, "waiter", false);
        ThreadInfo first = b.thread(2, "first", false);
        ThreadInfo second = b.thread(3, "second", false);
        b.agentWait(waiter, at(10), at(20), "queue", "LinkedBlockingQueue.take", "Q", 5, -1, false);
        b.agentWait(waiter, at(20.5), at(21), "queue", "LinkedBlockingQueue.take", "Q", 5, -1, false);
        b.wake(first, at(19.9), 1, 5, "unpark");
        b.wake(second, at(20.9), 1, 5, "unpark");
        Model m = b.build();
        WakeEdges e = WakeEdges.of(m);
        assertEquals(2, e.size());
        assertEquals(index(m, 2), e.waker(0), "the first take was ended by the first waker");
        assertEquals(0, e.waitSpan(0));
        assertEquals(index(m, 3), e.waker(1));
        assertEquals(1, e.waitSpan(1));
    }

    @Test
    void sleepsAreNotEligibleAndUnmatchedWaitsCount() {
        ThreadInfo t = b.thread(1, "t", false);
        ThreadInfo other = b.thread(2, "other", false);
        b.agentWait(t, at(0), at(10), "sleep", "Thread.sleep", null, 0, -1, true);
        b.builtInWait(t, at(20), at(30), "sleep", "Thread.sleep", null, -1, true);
        b.agentWait(t, at(40), at(50), "park", "LockSupport.park", null, 0, -1, false);
        b.wake(other, at(5), 1, 0, "unpark"); // during the sleep: not a waker of it
        Model m = b.build();
        WakeEdges e = WakeEdges.of(m);
        assertEquals(1, e.eligibleWaits(), "only the park");
        assertEquals(0, e.matchedWaits());
        assertEquals(0, e.size());
    }

    @Test
    void aMonitorWaitIsEndedByItsNotifierAlsoWhenMergedIntoAnAgentSpan() {
        ThreadInfo plain = b.thread(1, "plain", false);
        ThreadInfo merged = b.thread(2, "merged", false);
        ThreadInfo notifier = b.thread(3, "notifier", false);
        // recorded without the agent: the JVM's event alone
        b.builtInWait(plain, at(10), at(20), ModelBuilder.MONITOR_WAIT, "Object.wait", "java.lang.Object", 3, false);
        // the agent's span around two JVM waits (a loop around wait()): the last notifier ended it
        b.agentWait(merged, at(30), at(60), "monitor", "Object.wait", "java.lang.Object", 9, -1, false);
        b.builtInWait(merged, at(30.2), at(40), ModelBuilder.MONITOR_WAIT, "Object.wait", "java.lang.Object", 4, false);
        b.builtInWait(merged, at(40.1), at(59.9), ModelBuilder.MONITOR_WAIT, "Object.wait", "java.lang.Object", 3, false);
        Model m = b.build();
        WaitSpans waits = m.threads().get(index(m, 2)).waits();
        assertEquals(1, waits.size(), "merged into the agent span");
        assertEquals(3, waits.notifier(0), "the merge keeps the notifier");
        assertEquals(-1, waits.target(0));
        WakeEdges e = WakeEdges.of(m);
        assertEquals(2, e.size());
        assertEquals(index(m, 3), e.waker(0));
        assertEquals(index(m, 1), e.woken(0));
        assertEquals("notify", e.how(0));
        assertEquals(at(20), e.time(0), "the notify time is unknown: the wait's end");
        assertEquals(index(m, 3), e.waker(1));
        assertEquals(index(m, 2), e.woken(1));
        assertEquals(2, e.matchedWaits());
    }

    @Test
    void aRecordedWakeWinsOverTheNotifier() {
        ThreadInfo waiter = b.thread(1, "waiter", false);
        b.thread(2, "notifier", false);
        ThreadInfo unparker = b.thread(3, "unparker", false);
        b.builtInWait(waiter, at(10), at(20), ModelBuilder.MONITOR_WAIT, "Object.wait", null, 2, false);
        b.wake(unparker, at(19), 1, 0, "unpark");
        Model m = b.build();
        WakeEdges e = WakeEdges.of(m);
        assertEquals(index(m, 3), e.waker(0));
        assertEquals("unpark", e.how(0));
    }

    @Test
    void aJoinIsEndedByTheEndOfTheThreadItWaitsFor() {
        ThreadInfo main = b.thread(1, "main", false);
        thread(b, 2, "worker", 1, 30.5, 1);
        started(b, 3, "endless", 1, 1);
        thread(b, 4, "early", 1, 3, 1);
        b.agentWait(main, at(10), at(30), "join", "Thread.join", "java.lang.Thread", 0, 2, false);
        b.agentWait(main, at(40), at(100), "join", "Thread.join", "java.lang.Thread", 0, 3, false);
        b.agentWait(main, at(4), at(5), "join", "Thread.join", "java.lang.Thread", 0, 4, false);
        Model m = b.build();
        WakeEdges e = WakeEdges.of(m);
        assertEquals(3, e.eligibleWaits());
        assertEquals(1, e.matchedWaits(), "the endless thread has no end, the early one ended before the join");
        assertEquals(index(m, 2), e.waker(0));
        assertEquals(index(m, 1), e.woken(0));
        assertEquals(1, e.waitSpan(0), "waits are in start order: [4,5], [10,30], [40,100]");
        assertEquals(at(30.5), e.time(0));
        assertEquals("thread end", e.how(0));
    }

    /** The one agent wait of this kind on the thread (built-in spans the merge kept may lie around it). */
    private static int waitOfKind(Model m, int thread, String kind) {
        WaitSpans w = m.threads().get(thread).waits();
        int found = -1;
        for (int i = 0; i < w.size(); i++) {
            if (kind.equals(m.strings().get(w.kind(i))) && (w.flags(i) & WaitSpans.BUILT_IN) == 0) {
                assertEquals(-1, found, "one " + kind + " span" + describe(m, thread));
                found = i;
            }
        }
        assertTrue(found >= 0, "a " + kind + " span" + describe(m, thread));
        return found;
    }

    private static String describe(Model m, int thread) {
        ThreadInfo t = m.threads().get(thread);
        StringBuilder b = new StringBuilder("\n" + t + " " + (t.start() - m.start()) / 1000 + ".."
                + (t.end() - m.start()) / 1000 + " us, end seen " + t.endSeen() + ":");
        WaitSpans w = t.waits();
        for (int i = 0; i < w.size(); i++) {
            b.append("\n  ").append(m.strings().get(w.kind(i))).append(' ').append((w.start(i) - m.start()) / 1000)
                    .append("..").append((w.end(i) - m.start()) / 1000).append(" us target ").append(w.target(i))
                    .append(" notifier ").append(w.notifier(i)).append(" flags ").append(w.flags(i));
        }
        return b.toString();
    }

    @Test
    void anEmptyModelHasNoEdges() {
        WakeEdges e = Analyser.analyse(new ModelBuilder(null).build()).wakeEdges();
        assertEquals(0, e.size());
        assertEquals(0, e.eligibleWaits());
        assertEquals(0, e.matchedWaits());
    }

    /** A latch released by a counted-down wake, a monitor wait notified, a join ended by the thread's end. */
    @Test
    void onARealRecording(@TempDir Path dir) throws Exception {
        long[] ids = new long[4];
        Object monitor = new Object();
        boolean[] ready = new boolean[1];
        AtomicBoolean inside = new AtomicBoolean();
        Path jfr = Recordings.record(dir.resolve("wakes.jfr"), true, () -> {
            CountDownLatch latch = new CountDownLatch(1);
            CountDownLatch parked = new CountDownLatch(1);
            Thread waiter = TestThreads.named("waiter", () -> {
                await("latch", "CountDownLatch.await", latch, null, () -> {
                    parked.countDown();
                    latch.await();
                });
                await("monitor", "Object.wait", monitor, null, () -> {
                    synchronized (monitor) {
                        inside.set(true);
                        while (!ready[0]) {
                            monitor.wait();
                        }
                    }
                });
            });
            ids[0] = waiter.threadId();
            start(waiter);
            Thread joiner = TestThreads.named("joiner",
                    () -> await("join", "Thread.join", waiter, waiter, waiter::join));
            ids[2] = joiner.threadId();
            start(joiner);
            Thread releaser = new Thread(() -> {
                try {
                    parked.await();
                    // the joiner must be in join before the waiter can end, or its join never waits
                    while (waiter.getState() != Thread.State.WAITING || joiner.getState() != Thread.State.WAITING) {
                        Thread.onSpinWait();
                    }
                    // what the agent's unpark advice records, just before the release
                    WeftEvents.Wake wake = new WeftEvents.Wake();
                    wake.wokenThread = waiter;
                    wake.blockerId = System.identityHashCode(latch);
                    wake.how = "unpark";
                    wake.commit();
                    latch.countDown();
                    while (!inside.get()) {
                        Thread.onSpinWait();
                    }
                    // the waiter holds the monitor until wait() releases it: this notify comes during the wait
                    synchronized (monitor) {
                        ready[0] = true;
                        monitor.notifyAll();
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "releaser");
            ids[1] = releaser.threadId();
            start(releaser);
            joiner.join();
            releaser.join();
        });
        Analysis a = Reports.analyse(jfr);
        Model m = a.model();
        WakeEdges e = a.wakeEdges();
        int waiter = index(m, ids[0]);
        int releaser = index(m, ids[1]);
        int joiner = index(m, ids[2]);
        String context = describe(m, waiter) + describe(m, joiner);
        int latchEdge = e.find(waiter, waitOfKind(m, waiter, "latch"));
        assertTrue(latchEdge >= 0, "the latch wait got its waker" + context);
        assertEquals(releaser, e.waker(latchEdge));
        assertEquals("unpark", e.how(latchEdge));
        int monitorWait = waitOfKind(m, waiter, "monitor");
        assertTrue(m.threads().get(waiter).waits().notifier(monitorWait) >= 0, "merged, with its notifier" + context);
        int monitorEdge = e.find(waiter, monitorWait);
        assertTrue(monitorEdge >= 0, "the monitor wait got its notifier" + context);
        assertEquals(releaser, e.waker(monitorEdge));
        assertEquals("notify", e.how(monitorEdge));
        int joinEdge = e.find(joiner, waitOfKind(m, joiner, "join"));
        assertTrue(joinEdge >= 0, "the join was ended by the waiter's end" + context);
        assertEquals(waiter, e.waker(joinEdge));
        assertTrue(e.how(joinEdge).equals("thread end") || e.how(joinEdge).equals("notify"),
                "a platform join waits on the thread's monitor: " + e.how(joinEdge));
        // the recording holds the JVM's own waits too (threads of its own, a class initialisation
        // two threads meet at): count exactly the kinds this test made, on its threads
        int ours = 0;
        int oursMatched = 0;
        for (int thread : new int[] {waiter, joiner}) {
            WaitSpans w = m.threads().get(thread).waits();
            for (int i = 0; i < w.size(); i++) {
                if (java.util.Set.of("latch", "monitor", "join").contains(m.strings().get(w.kind(i)))) {
                    ours++;
                    oursMatched += e.find(thread, i) >= 0 ? 1 : 0;
                }
            }
        }
        assertEquals(3, ours, "latch, monitor and join, each once" + context);
        assertEquals(3, oursMatched, "each got its waker" + context);
        assertEquals(e.size(), e.matchedWaits(), "one edge per matched wait");
        assertEquals(nonSleepWaits(m), e.eligibleWaits(), "every wait but a sleep can have a waker");
    }

    private static int nonSleepWaits(Model m) {
        int n = 0;
        for (ThreadInfo t : m.threads()) {
            for (int i = 0; i < t.waits().size(); i++) {
                n += "sleep".equals(m.strings().get(t.waits().kind(i))) ? 0 : 1;
            }
        }
        return n;
    }
}
