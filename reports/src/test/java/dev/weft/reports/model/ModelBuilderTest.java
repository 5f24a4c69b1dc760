package dev.weft.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelBuilderTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;

    private static long at(double millis) {
        return T0 + Math.round(millis * MS);
    }

    /** A workload span on {@code t} from {@code from} to {@code to} ms, as the reader gives it: its event, then the span. */
    private static void span(ModelBuilder b, ThreadInfo t, double from, double to) {
        span(b, t, from, to, null);
    }

    /** {@link #span(ModelBuilder, ThreadInfo, double, double)} with the stack {@code stack}. */
    private static void span(ModelBuilder b, ThreadInfo t, double from, double to, String stack) {
        b.event("weft.Workload", at(from), at(to));
        b.seen(t, at(from), at(to));
        b.workload(t, at(from), at(to), "a.B::c", stack);
    }

    /** A builder whose heap budget has room for a thread and {@code spans} spans, at an event at 0 ms. */
    private static ModelBuilder roomForOneThreadAnd(int spans) {
        ModelBuilder b = new ModelBuilder(null);
        b.heapBudget(ModelBuilder.THREAD_BYTES + spans * ModelBuilder.SPAN_BYTES);
        b.event("weft.Workload", at(0), at(0));
        return b;
    }

    /** A builder whose recording holds an event at 0 and one at {@code endMillis}. */
    private static ModelBuilder recording(double endMillis) {
        ModelBuilder b = new ModelBuilder(null);
        b.event("x", at(0), at(0));
        b.event("x", at(endMillis), at(endMillis));
        return b;
    }

    @Test
    void builtInWaitsInsideAnAgentWaitAreMergedAndOnlyOutermostBuiltInsStay() {
        ModelBuilder b = new ModelBuilder(null);
        b.event("jdk.ActiveSetting", at(0), at(0));
        b.event("jdk.Shutdown", at(100), at(100));
        ThreadInfo t = b.thread(5, "waiter", false);
        // added out of order on purpose: JFR files are not sorted by time
        b.builtInWait(t, at(60), at(70), "park", "LockSupport.park", "java.lang.Object", -1, true);
        b.builtInWait(t, at(10.5), at(49.5), "park", "LockSupport.park", null, -1, false);
        b.agentWait(t, at(10), at(50), "latch", "CountDownLatch.await", "java.util.concurrent.CountDownLatch", 99, -1,
                false);
        b.builtInWait(t, at(9.2), at(50.8), "monitor-wait", "Object.wait", null, -1, false);
        b.builtInWait(t, at(62), at(65), "sleep", "Thread.sleep", null, -1, true);
        b.builtInWait(t, at(5), at(20), "sleep", "Thread.sleep", null, -1, true);
        Model m = b.build();

        WaitSpans w = m.threads().get(0).waits();
        StringTable s = m.strings();
        assertEquals(3, w.size());
        assertEquals("sleep", s.get(w.kind(0)), "starts 5 ms before the agent wait: more than the slack, kept");
        assertEquals(at(5), w.start(0));
        assertEquals("latch", s.get(w.kind(1)));
        assertEquals(99, w.blockerId(1));
        assertEquals("java.util.concurrent.CountDownLatch", s.get(w.blockerClass(1)));
        assertEquals("park", s.get(w.kind(2)));
        assertEquals(at(60), w.start(2));
        assertTrue((w.flags(2) & WaitSpans.TIMED) != 0);
        assertEquals(3, m.mergedWaits(), "two inside the latch (one within the slack), one inside the kept park");
    }

    /** Threads without rows of a kind share one empty table of it: a row of one thread must never reach another. */
    @Test
    void eachThreadKeepsItsOwnRowsAndAThreadWithoutAnyShowsNone() {
        ModelBuilder b = recording(100);
        ThreadInfo quiet = b.thread(1, "quiet", true);
        b.seen(quiet, at(1), at(2));
        ThreadInfo busy = b.thread(2, "busy", true);
        b.workload(busy, at(10), at(20), "a.B::c");
        b.agentWait(busy, at(30), at(40), "sleep", "Thread.sleep", null, 0, -1, true);
        b.builtInWait(busy, at(50), at(60), "park", "LockSupport.park", null, -1, false);
        b.pinned(busy, at(50), at(60), "a.B.c(B.java:1)", null);
        b.wake(busy, at(70), 1, 7, "unpark");
        ThreadInfo later = b.thread(3, "later", true);
        b.seen(later, at(80), at(90));
        Model m = b.build();
        for (String name : new String[] {"quiet", "later"}) {
            ThreadInfo t = m.threads().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            assertEquals(0, t.workloads().size() + t.waits().size() + t.pins().size() + t.wakes().size(), name);
        }
        ThreadInfo t = m.threads().stream().filter(x -> x.name().equals("busy")).findFirst().orElseThrow();
        assertEquals(java.util.List.of(1, 2, 1, 1),
                java.util.List.of(t.workloads().size(), t.waits().size(), t.pins().size(), t.wakes().size()),
                "the workload, the sleep and the JVM's park (no agent wait covers it), the pin, the wake");
    }

    @Test
    void lifetimesComeFromStartAndEndEventsElseFromTheFirstEventAndTheRecordingEnd() {
        ModelBuilder b = recording(1000);
        ThreadInfo started = b.thread(2, "started", false);
        b.started(started, at(100), 1);
        b.ended(started, at(200));
        ThreadInfo seen = b.thread(3, "seen", false);
        b.seen(seen, at(300), at(310));
        b.workload(seen, at(320), at(400), "a.B::c");
        ThreadInfo main = b.thread(1, "main", false);
        b.seen(main, at(50), at(50));
        Model m = b.build();

        assertEquals("main", m.threads().get(0).name(), "main first");
        ThreadInfo s = m.threads().get(m.indexOf(2));
        assertEquals(at(100), s.start());
        assertEquals(at(200), s.end());
        assertTrue(s.startSeen() && s.endSeen());
        assertEquals(1, s.parentId());
        ThreadInfo n = m.threads().get(m.indexOf(3));
        assertEquals(at(300), n.start(), "first event");
        assertEquals(m.end(), n.end(), "runs to the recording end");
        assertFalse(n.startSeen() || n.endSeen());
        assertEquals(at(0), m.start());
        assertEquals(at(1000), m.end());
        assertEquals(-1, m.indexOf(42));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reference Handler", "JFR Periodic Tasks", "weft-shutdown", "C2 CompilerThread0",
            "ForkJoinPool-1-delayScheduler"})
    void systemThreadsAreRecognisedByName(String name) {
        assertTrue(ThreadInfo.isSystemName(name));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"main", "ForkJoinPool.commonPool-worker-1"})
    void applicationThreadNamesAreNotSystemNames(String name) {
        assertFalse(ThreadInfo.isSystemName(name));
    }

    /** A carrier and an application's pool worker share a name: the JDK's is told by its thread group or the agent's word. */
    @Test
    void theJdksThreadsAreRecognisedByWhatTheyAreNotByName() {
        ModelBuilder b = new ModelBuilder(null);
        ThreadInfo carrier = b.thread(1, "ForkJoinPool-1-worker-1", false);
        b.group(carrier, "CarrierThreads");
        ThreadInfo own = b.thread(2, "ForkJoinPool-1-worker-1", false);
        b.group(own, "main");
        ThreadInfo poller = b.thread(3, "SubPoller-0", true); // without the agent: its name is all there is
        ThreadInfo named = b.thread(4, "SubPoller-1", true);
        b.threadClass(named, "java.lang.VirtualThread", false); // the agent saw the application start it
        ThreadInfo reaper = b.thread(5, "process reaper", false);
        b.threadClass(reaper, "jdk.internal.misc.InnocuousThread", true);
        ThreadInfo cleaner = b.thread(6, "my-cleaner", false);
        b.group(cleaner, "InnocuousThreadGroup");
        for (ThreadInfo t : new ThreadInfo[] {carrier, own, poller, named, reaper, cleaner}) {
            b.started(t, at(0), -1);
        }
        b.event("x", at(0), at(10));
        Model m = b.build();
        assertTrue(carrier.isSystem());
        assertFalse(own.isSystem(), "an application pool named like the carriers");
        assertTrue(poller.isSystem());
        assertFalse(named.isSystem(), "the agent's word wins over the name");
        assertTrue(reaper.isSystem());
        assertTrue(cleaner.isSystem());
        assertEquals(6, m.threads().size());
    }

    @Test
    void thousandsOfSpansStaySortedAndCompact() {
        ModelBuilder b = new ModelBuilder(null);
        ThreadInfo t = b.thread(9, "busy", false);
        int n = 10_000;
        for (int i = n - 1; i >= 0; i--) {
            b.workload(t, at(i), at(i + 0.5), "m" + (i % 3));
        }
        b.event("x", at(0), at(n));
        Model m = b.build();
        WorkloadSpans w = m.threads().get(0).workloads();
        assertEquals(n, w.size());
        for (int i = 1; i < n; i++) {
            assertTrue(w.start(i - 1) < w.start(i));
        }
        assertEquals(3 + 0, m.strings().size(), "method names are interned once");
    }

    @Test
    void spansThatCrossOnOneThreadMakeTheModelPartialAndNestedOnesDoNot() {
        ModelBuilder nested = new ModelBuilder(null);
        ThreadInfo t = nested.thread(1, "main", false);
        nested.workload(t, at(0), at(100), "a.B::phase");
        nested.workload(t, at(10), at(40), "a.B::step");
        nested.agentWait(t, at(20), at(40), "sleep", "Thread.sleep", null, 0, -1, true);
        nested.agentWait(t, at(50), at(100), "join", "Thread.join", null, 0, -1, false);
        assertFalse(nested.build().partial(), "inside, and ending together, is nesting");

        ModelBuilder crossing = new ModelBuilder(null);
        ThreadInfo u = crossing.thread(1, "main", false);
        crossing.workload(u, at(0), at(100), "a.B::phase");
        crossing.agentWait(u, at(90), at(130), "join", "Thread.join", null, 0, -1, false);
        Model m = crossing.build();
        assertTrue(m.partial(), "a wait that outlives the call that made it: a damaged time");
        assertTrue(m.warnings().get(0).contains("thread main"), m.warnings().toString());
    }

    @Test
    void pastTheHeapBudgetSpansAndThreadsAreCountedButLeftOutAndTheModelIsPartial() {
        ModelBuilder b = new ModelBuilder(null);
        b.heapBudget(ModelBuilder.THREAD_BYTES + 10 * ModelBuilder.SPAN_BYTES);
        b.event("weft.Workload", at(0), at(0.5));
        ThreadInfo t = b.thread(1, "main", false);
        for (int i = 0; i < 25; i++) {
            b.event("weft.Workload", at(i), at(i + 0.5));
            b.workload(t, at(i), at(i + 0.5), "a.B::c");
        }
        assertEquals(null, b.thread(2, "late", false), "no room for another thread");
        Model m = b.build();
        assertEquals(10, m.threads().get(0).workloads().size());
        assertEquals(25, m.eventCount() - 1, "events are counted all the same");
        assertTrue(m.partial());
        assertTrue(m.warnings().get(0).contains("the timeline shows its first 0.010 s of 0.025 s; 15 spans and wakes "
                + "and 1 threads after that were left out"), m.warnings().toString());

        ModelBuilder unbounded = new ModelBuilder(null);
        ThreadInfo u = unbounded.thread(1, "main", false);
        for (int i = 0; i < 25; i++) {
            unbounded.workload(u, at(i), at(i + 0.5), "a.B::c");
        }
        assertFalse(unbounded.build().partial(), "no budget given, nothing left out");
    }

    @Test
    void aPartialModelIsTheWholeOfATimePrefixWhateverTheFileOrder() {
        ModelBuilder b = new ModelBuilder(null);
        b.heapBudget(2 * ModelBuilder.THREAD_BYTES + 10 * ModelBuilder.SPAN_BYTES);
        b.event("weft.ThreadStart", at(0), at(0));
        ThreadInfo main = b.thread(1, "main", false);
        b.event("weft.ThreadStart", at(1), at(1));
        ThreadInfo late = b.thread(2, "late", false);
        b.started(late, at(1), 1);
        for (int i = 2; i < 14; i++) { // main's buffer first: its spans take the budget up to 11 ms
            b.event("weft.Workload", at(i), at(i + 0.5));
            b.workload(main, at(i), at(i + 3.5), "a.B::c");
        }
        // the other thread's buffer comes last: a wait that began at 5 ms finds no room but that of later spans
        b.event("weft.Wait", at(5), at(20));
        b.agentWait(late, at(5), at(20), "sleep", "Thread.sleep", null, 0, -1, true);
        b.event("weft.ThreadStart", at(30), at(30));
        assertEquals(null, b.thread(3, "after", false));
        b.event("jdk.ThreadEnd", at(40), at(40));
        b.ended(main, at(40));
        Model m = b.build();

        assertTrue(m.end() > at(10) && m.end() <= at(11), "the wait at 5 ms took the room of the span that began "
                + "latest, at 11 ms: the recording as if it had stopped there, " + (m.end() - at(0)) / 1e6 + " ms");
        assertTrue(m.warnings().get(0).contains(" of 0.040 s; 3 spans and wakes and 1 threads after that were left "
                + "out"), m.warnings().toString());
        ThreadInfo kept = m.threads().get(0);
        assertEquals("main", kept.name());
        assertEquals(9, kept.workloads().size(), "the spans that began before the cut, and only those");
        assertEquals(m.end(), kept.workloads().end(8), "a span the cut crosses ends there");
        assertEquals(m.end(), kept.end(), "main ended after the cut: its lane runs to it");
        assertFalse(kept.endSeen());
        assertEquals(2, m.threads().size(), "the thread that began after the cut is gone");
        WaitSpans wait = m.threads().get(1).waits();
        assertEquals(1, wait.size(), "the wait that came last in the file and began early is there");
        assertEquals(m.end(), wait.end(0), "ended by the cut");
    }

    @Test
    void whatBeganLatestMakesRoomForWhatBeganEarlierSoTheModelHoldsAllThatFitsBeforeTheCut() {
        ModelBuilder b = roomForOneThreadAnd(30);
        ThreadInfo t = b.thread(1, "main", false);
        // file order: the spans of 100..199 ms, then those of 0..99 ms, 1 ms apart
        for (int i = 0; i < 200; i++) {
            int ms = (i + 100) % 200;
            span(b, t, ms, ms + 0.5);
        }
        Model m = b.build();
        WorkloadSpans w = m.threads().get(0).workloads();
        assertTrue(w.size() >= 28 && w.size() <= 30, "all 30 units of room but what a bucket of the cut held: "
                + w.size());
        for (int i = 0; i < w.size(); i++) {
            assertEquals(at(i), w.start(i), "the earliest, with no gap");
        }
        assertEquals(at(w.size()), m.end(), "cut where the first span left out began");
        assertTrue(m.warnings().get(0).contains((200 - w.size()) + " spans and wakes and 0 threads"),
                m.warnings().toString());
    }

    @Test
    void aThreadNamedLateInTheFileIsChargedWhereItBeganSoTheModelStaysWithinItsBudget() {
        ModelBuilder b = new ModelBuilder(null);
        b.heapBudget(2 * ModelBuilder.THREAD_BYTES + 2 * ModelBuilder.SPAN_BYTES);
        b.event("jdk.ThreadPark", at(100), at(100));
        ThreadInfo other = b.thread(2, "other", false); // named first by an event at 100 ms
        b.seen(other, at(100), at(100));
        b.event("jdk.ThreadPark", at(10), at(10)); // and seen at 10 ms later in the file
        b.seen(other, at(10), at(10));
        b.event("weft.Workload", at(0), at(0));
        ThreadInfo main = b.thread(1, "main", false);
        for (int i = 1; i <= 6; i++) {
            span(b, main, i, i + 0.5);
        }
        b.event("x", at(500), at(500));
        Model m = b.build();
        long units = 0;
        for (ThreadInfo t : m.threads()) {
            units += ModelBuilder.THREAD_BYTES / ModelBuilder.SPAN_BYTES + t.workloads().size();
        }
        assertTrue(units <= 10, "the budget holds: " + units + " units for " + m.threads().size() + " threads");
        assertTrue(m.partial(), "cut, and saying so: " + m.warnings());
        assertEquals(6, m.threads().get(0).workloads().size(), "main's spans, which began before the other thread");
    }

    @Test
    void aWaitTheCutCrossesIsNotAddedAgainFromTheLastSample() {
        ModelBuilder b = new ModelBuilder(null);
        b.heapBudget(2 * ModelBuilder.THREAD_BYTES + 2 * ModelBuilder.SPAN_BYTES + StringTable.footprint("join")
                + StringTable.footprint("Thread.join") + StringTable.footprint("a.B::c")); // and the strings they hold
        b.event("weft.Wait", at(10), at(200));
        ThreadInfo main = b.thread(1, "main", false);
        b.seen(main, at(10), at(200));
        b.agentWait(main, at(10), at(200), "join", "Thread.join", null, 0, -1, false);
        b.event("weft.WaitSample", at(150), at(150));
        b.waitInProgress(main, 1, at(10), "join", "Thread.join", null, 0, -1);
        b.waitSample(1, at(150), 1, 1);
        ThreadInfo blocked = b.thread(3, "blocked", false); // only the sample shows it, blocked since 5 ms
        b.waitInProgress(blocked, 1, at(5), "monitor-enter", "synchronized", null, 0, -1);
        for (int ms : new int[] {100, 105}) { // the second finds no room: the model ends at 105 ms
            b.event("weft.Workload", at(ms), at(ms + 1));
            b.workload(main, at(ms), at(ms + 1), "a.B::c");
        }
        Model m = b.build();
        assertTrue(m.end() <= at(105) && m.end() > at(100), (m.end() - at(0)) / 1e6 + " ms");
        ThreadInfo kept = m.threads().get(0);
        assertEquals(1, kept.waits().size(), "the join, ended by the cut, once");
        assertEquals(0, kept.waits().flags(0) & WaitSpans.OPEN, "its own event, not the sample's copy");
        ThreadInfo sampled = m.threads().stream().filter(t -> t.id() == 3).findFirst().orElseThrow(
                () -> new AssertionError("the thread only a wait sample saw, blocked before the cut, is kept"));
        assertEquals(at(5), sampled.waits().start(0), "blocked from 5 ms on, as the sample said");
    }

    @Test
    void aBurstInsideOneBucketOfTheHistogramStillKeepsTheEarliestThatFit() {
        ModelBuilder b = new ModelBuilder(null);
        b.heapBudget(100 * ModelBuilder.THREAD_BYTES);
        // 1,000 threads started a nanosecond apart, named in the file latest first: all in one bucket, which
        // the budget cannot hold, so the histogram cannot say what to give back
        for (int i = 999; i >= 0; i--) {
            b.event("jdk.ThreadStart", at(0) + i, at(0) + i);
            ThreadInfo t = b.thread(10_000 + i, "burst-" + i, false);
            if (t != null) {
                b.started(t, at(0) + i, -1);
            }
        }
        b.event("x", at(50), at(50));
        Model m = b.build();
        List<Long> ids = m.threads().stream().map(ThreadInfo::id).sorted().toList();
        assertTrue(ids.size() >= 75 && ids.get(ids.size() - 1) < 10_000 + ids.size(), "the earliest that fit, "
                + "what the cut passed inside the bucket given back: " + ids.size() + " threads, the last "
                + (ids.isEmpty() ? "none" : ids.get(ids.size() - 1) - 10_000));
    }

    @Test
    void threadsTheModelDroppedAreLookedUpAgainAndComeBackWhenNamedBeforeTheCut() {
        ModelBuilder b = new ModelBuilder(null);
        b.heapBudget(2 * ModelBuilder.THREAD_BYTES + 2 * ModelBuilder.SPAN_BYTES);
        b.event("weft.ThreadStart", at(50), at(50));
        int before = b.generation();
        ThreadInfo late = b.thread(2, "late", false);
        b.seen(late, at(50), at(50));
        b.event("weft.ThreadStart", at(60), at(60));
        ThreadInfo later = b.thread(3, "later", false);
        b.seen(later, at(60), at(60));
        b.event("weft.ThreadStart", at(70), at(70));
        assertEquals(null, b.thread(4, "latest", false), "no room left for a thread that began after the others");
        for (int i = 0; i < 20; i++) { // main's spans of 0..19 ms, each taking the room of what began latest
            b.event("weft.Workload", at(i), at(i + 0.5));
            ThreadInfo main = b.thread(1, "main", false);
            assertTrue(main != null, "main began before all of them: " + i);
            b.seen(main, at(i), at(i + 0.5));
            b.workload(main, at(i), at(i + 0.5), "a.B::c");
        }
        assertTrue(b.generation() != before, "threads left the model: what held them must look again");
        Model m = b.build();
        assertEquals(List.of("main"), m.threads().stream().map(ThreadInfo::name).toList());
        assertTrue(m.threads().get(0).workloads().size() >= 3, m.threads().get(0).workloads().size() + " spans");
        assertTrue(m.warnings().get(0).contains("and 3 threads after that"), m.warnings().toString());
    }

    @Test
    void theBudgetLeavesAReserveOfTheHeap() {
        assertEquals(384L << 20, ModelBuilder.budgetFor(512L << 20), "a quarter of a large heap");
        assertEquals(32L << 20, ModelBuilder.budgetFor(48L << 20), "16 MB of a small one");
        assertEquals(8L << 20, ModelBuilder.budgetFor(16L << 20), "a floor for tiny heaps");
    }

    @Test
    void whatTheReaderHoldsBesideTheModelTakesItsRoomWhileItHoldsIt() {
        for (boolean released : new boolean[] {false, true}) {
            ModelBuilder b = roomForOneThreadAnd(100);
            b.readerHolds(60 * ModelBuilder.SPAN_BYTES); // a chunk's pools
            ThreadInfo t = b.thread(1, "main", false);
            for (int i = 0; i < 30; i++) {
                span(b, t, i, i + 0.5);
            }
            b.readerHolds(released ? 0 : 60 * ModelBuilder.SPAN_BYTES); // the next chunk's, or none
            for (int i = 30; i < 100; i++) {
                span(b, t, i, i + 0.5);
            }
            int kept = b.build().threads().get(0).workloads().size();
            if (released) {
                assertTrue(kept >= 98, "the room came back with the pools: " + kept);
            } else {
                assertTrue(kept <= 40 && kept >= 36, "the pools kept 60 of 100 spans' room: " + kept);
            }
        }
    }

    @Test
    void theModelsStringsTakeTheirRoomForGoodSoTheCutComesSooner() {
        // room for a thread and 100 spans; each span brings a stack of its own, 2 KB of text
        ModelBuilder b = roomForOneThreadAnd(100);
        ThreadInfo t = b.thread(1, "main", false);
        for (int i = 0; i < 100; i++) {
            span(b, t, i, i + 0.5, ("frame " + i + "\n").repeat(250));
        }
        Model m = b.build();
        int kept = m.threads().get(0).workloads().size();
        long perSpan = ModelBuilder.SPAN_BYTES + 2 * 2_250 + 100; // the span, its stack's text and entry
        assertTrue(kept < 100 * ModelBuilder.SPAN_BYTES / perSpan + 3, "the strings were charged: " + kept + " kept");
        assertTrue(kept >= 2, "what fits is kept: " + kept);
        assertTrue(m.partial() && m.warnings().get(0).contains("its first"), m.warnings().toString());
        assertEquals(at(kept), m.end(), "a time prefix: cut where the first span left out began");
    }

    @Test
    void aWaitTheLastSampleSawInProgressRunsToTheEndUnlessItsOwnEventIsThere() {
        ModelBuilder b = recording(3000);
        ThreadInfo sleeper = b.thread(2, "sleeper", false);
        ThreadInfo ended = b.thread(3, "ended-after-the-sample", false);
        ThreadInfo blocked = b.thread(4, "blocked", false);
        ThreadInfo old = b.thread(5, "only-in-an-older-sample", false);
        b.waitInProgress(sleeper, 1, at(500), "sleep", "Thread.sleep", null, 0, -1);
        b.waitInProgress(old, 1, at(600), "park", "LockSupport.park", null, 0, -1);
        b.waitSample(1, at(1000), 2, 2);
        b.waitInProgress(sleeper, 2, at(500), "sleep", "Thread.sleep", null, 0, -1);
        b.waitInProgress(ended, 2, at(1500), "latch", "CountDownLatch.await", null, 0, -1);
        b.agentWait(ended, at(1500), at(2500), "latch", "CountDownLatch.await", null, 0, -1, false);
        b.waitInProgress(blocked, 2, Long.MIN_VALUE, "monitor-enter", "synchronized", "java.lang.Object", 7, 2);
        // the JVM's event of an earlier entry: not the one in progress
        b.builtInWait(blocked, at(100), at(200), "monitor-enter", "synchronized", "java.lang.Object", 2, false);
        b.waitSample(2, at(2000), 3, 3);
        Model m = b.build();

        WaitSpans s = thread(m, 2).waits();
        assertEquals(1, s.size());
        assertEquals(at(500), s.start(0));
        assertEquals(at(3000), s.end(0), "open to the end of the recording");
        assertEquals(WaitSpans.OPEN, s.flags(0) & WaitSpans.OPEN);
        assertEquals("sleep", m.strings().get(s.kind(0)));

        WaitSpans e = thread(m, 3).waits();
        assertEquals(1, e.size(), "its own span, not a second open one");
        assertEquals(0, e.flags(0) & WaitSpans.OPEN);

        WaitSpans blockedWaits = thread(m, 4).waits();
        assertEquals(2, blockedWaits.size());
        assertEquals(at(2000), blockedWaits.start(1), "an unknown start is the sample's time");
        assertEquals(2, blockedWaits.target(1));
        assertEquals(7, blockedWaits.blockerId(1));

        assertEquals(0, thread(m, 5).waits().size(), "not in the last sample: it stopped waiting");
        assertEquals(new Model.Sample(at(2000), 3, 3, 2), m.lastSample());
    }

    @Test
    void aRecordingWhoseOldestDataIsLongAfterItsStartSaysWhatItCovers() {
        ModelBuilder b = new ModelBuilder(null);
        long start = at(0) / MS;
        b.recordingLimits(new RecordingLimits(start - 600_000, 0, 250L << 20));
        b.event("x", at(0), at(0));
        b.event("x", at(180_000), at(180_000));
        Model m = b.build();
        assertTrue(m.warnings().contains("the recording covers only the last 3 min of 13 min: older data was dropped"
                + " by maxsize=250 MB"), m.warnings().toString());

        ModelBuilder whole = new ModelBuilder(null);
        whole.recordingLimits(new RecordingLimits(start - 1_000, 3_600_000, 0));
        whole.event("x", at(0), at(0));
        assertTrue(whole.build().warnings().isEmpty(), "a second of JFR start-up is not data dropped");
    }

    @Test
    void aSnapshotLeavesTheBuilderCollectingAndForgettingKeepsOnlyTheWindow() {
        ModelBuilder b = new ModelBuilder(null);
        b.event("x", at(0), at(0));
        ThreadInfo old = b.thread(2, "ended-long-ago", false);
        b.started(old, at(0), -1);
        b.workload(old, at(0), at(10), "a.B::c");
        b.ended(old, at(20));
        ThreadInfo busy = b.thread(3, "busy", false);
        b.started(busy, at(5), -1);
        b.agentWait(busy, at(30), at(40), "sleep", "Thread.sleep", null, 0, -1, true);
        b.agentWait(busy, at(90), at(150), "latch", "CountDownLatch.await", null, 0, -1, false);
        b.event("x", at(150), at(150));

        Model first = b.snapshot();
        assertEquals(2, first.threads().size());
        b.agentWait(busy, at(160), at(170), "sleep", "Thread.sleep", null, 0, -1, true);
        b.event("x", at(170), at(170));
        assertEquals(2, first.threads().get(first.indexOf(3)).waits().size(), "a snapshot is not changed by later events");
        Model second = b.snapshot();
        assertEquals(3, second.threads().get(second.indexOf(3)).waits().size(), "the builder collected on");

        b.forgetBefore(at(100));
        Model window = b.snapshot();
        assertEquals(-1, window.indexOf(2), "ended before the window: forgotten");
        ThreadInfo kept = window.threads().get(window.indexOf(3));
        assertEquals(2, kept.waits().size(), "the wait that ended before the window is gone; one straddling it stays");
        assertEquals(at(90), kept.waits().start(0));
        assertFalse(kept.startSeen(), "its start lies before the window");
        assertEquals(at(90), window.start(), "the window starts with what it kept");
    }

    @Test
    void fileEventsOnTheAgentsOwnFilesAreNotTheApplicationsWaits() {
        ModelBuilder b = recording(100);
        ThreadInfo main = b.thread(1, "main", false);
        fileIo(b, main, 1, 3, "FileRead", "/opt/weft/agent.jar");
        fileIo(b, main, 4, 6, "FileRead", "agent.jar");
        fileIo(b, main, 7, 9, "FileRead", "/home/u/.cache/weft/jdk/ab12");
        fileIo(b, main, 10, 12, "FileWrite", "/tmp/weft-u/42.recording");
        fileIo(b, main, 20, 22, "FileRead", "/opt/weft/agent.jar.bak");
        fileIo(b, main, 30, 32, "FileRead", "/home/u/.cache/weftx/a");
        fileIo(b, main, 40, 42, "FileRead", "/data/in.csv");
        b.builtInWait(main, at(50), at(52), "sleep", "Thread.sleep", null, -1, false, null, "/opt/weft/agent.jar");
        b.agentFiles("/opt/weft/agent.jar\nagent.jar\n/home/u/.cache/weft\n/tmp/weft-u\n");

        Model m = b.build();
        WaitSpans w = thread(m, 1).waits();
        StringTable s = m.strings();
        assertEquals(4, w.size(), "the agent's jar, cache and marker I/O left out");
        assertEquals(at(20), w.start(0), "a file beside the agent's, with a name that only begins alike, is the app's");
        assertEquals(at(30), w.start(1), "a directory whose name only begins like the cache's is the app's");
        assertEquals("/data/in.csv", s.get(w.detail(2)));
        assertEquals("sleep", s.get(w.kind(3)), "only file I/O is matched against the agent's files");
    }

    @Test
    void withoutTheAgentsWordEveryFileEventStays() {
        ModelBuilder b = new ModelBuilder(null);
        b.event("x", at(0), at(0));
        ThreadInfo main = b.thread(1, "main", false);
        fileIo(b, main, 1, 3, "FileRead", "/opt/weft/agent.jar");
        b.agentFiles(null);
        b.agentFiles("");
        assertEquals(1, thread(b.build(), 1).waits().size());
    }

    /** The JVM's event of a file read or write ({@code api}) on {@code path}, from {@code from} to {@code to} ms. */
    private static void fileIo(ModelBuilder b, ThreadInfo t, double from, double to, String api, String path) {
        b.builtInWait(t, at(from), at(to), "io", api, null, -1, false, null, path);
    }

    private static ThreadInfo thread(Model m, long id) {
        return m.threads().get(m.indexOf(id));
    }
}
