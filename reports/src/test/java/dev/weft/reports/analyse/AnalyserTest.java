package dev.weft.reports.analyse;

import static dev.weft.reports.testing.TimedModels.MS;
import static dev.weft.reports.testing.TimedModels.at;
import static dev.weft.reports.testing.TimedModels.recording;
import static dev.weft.reports.testing.TimedModels.thread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.ThreadInfo;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The definitions, on models with exact times. */
class AnalyserTest {

    /** main: a sequential phase [0, 300] with three steps, a concurrent one [300, 600] with 4 workers. */
    private static Model demo() {
        ModelBuilder b = recording(700);
        ThreadInfo main = thread(b, 1, "main", 0, 700, -1);
        b.workload(main, at(0), at(300), "dev.weft.demo.Scenario01Sequential::run");
        for (int i = 0; i < 3; i++) {
            b.workload(main, at(100 * i), at(100 * i + 100), "dev.weft.demo.Scenario01Sequential::step");
        }
        b.workload(main, at(300), at(600), "dev.weft.demo.Scenario02Concurrent::run");
        b.agentWait(main, at(310), at(590), "join", "Thread.join", "java.lang.Thread", 1, 10, false);
        for (int i = 0; i < 4; i++) {
            ThreadInfo w = thread(b, 10 + i, "worker-" + i, 305, 595, 1);
            b.workload(w, at(310), at(590), "dev.weft.demo.Scenario02Concurrent::task");
        }
        ThreadInfo idle = b.thread(50, "pool-idle", false);
        b.started(idle, at(0), 1);
        b.agentWait(idle, at(0), at(700), "park", "LockSupport.park", null, 0, -1, false);
        ThreadInfo jdk = b.thread(2, "Reference Handler", false);
        b.started(jdk, at(0), -1);
        b.builtInWait(jdk, at(0), at(700), "monitor-wait", "Object.wait", null, -1, false);
        return b.build();
    }

    @Test
    void phasesCountThreadsInFlightAndRunningNotWaitingAsWork() {
        Analysis a = Analyser.analyse(demo());
        assertEquals(2, a.phases().size());
        Phase seq = a.phases().get(0);
        Phase conc = a.phases().get(1);
        assertEquals("Scenario01Sequential.run", seq.name());
        assertEquals(300 * MS, seq.wall());
        assertEquals(300 * MS, seq.inFlightTime(), "three steps in a row, the phase span not counted");
        assertEquals(1.0, seq.inFlight(), 1e-9);
        assertEquals(1.0, seq.running(), 1e-9);
        assertEquals(1, seq.runningPeak());
        assertEquals(1, seq.threads());
        assertEquals(0.0, seq.blockedShare(), 1e-9, "the idle pool thread takes no part");
        assertEquals(4 * 280 * MS, conc.inFlightTime());
        assertEquals(4 * 280.0 / 300.0, conc.inFlight(), 1e-9);
        assertEquals(4, conc.inFlightPeak());
        assertEquals(4, conc.runningPeak());
        assertEquals(4, conc.threads());
        assertEquals(280 * MS, conc.blocked());
        assertEquals(280 * MS, conc.blockedByKind().get("join"));
        assertEquals(300 * MS + 4 * 290 * MS, conc.threadTime(), "main and the workers, clipped to the phase");
    }

    @Test
    void blockedWorkIsInFlightButNotRunning() {
        ModelBuilder b = recording(100);
        ThreadInfo main = b.thread(1, "main", false);
        b.workload(main, at(0), at(100), "a.Locks::run");
        for (int i = 0; i < 10; i++) {
            ThreadInfo w = b.thread(10 + i, "w-" + i, false);
            b.workload(w, at(0), at(100), "a.Locks::task");
            // each holds the lock 10 ms and waits for it the other 90
            b.agentWait(w, at(i == 0 ? 10 : 0), at(i == 0 ? 100 : i * 10), "lock", "ReentrantLock.lock", null, 0, -1,
                    false);
            if (i > 0) {
                b.agentWait(w, at(i * 10 + 10), at(100), "lock", "ReentrantLock.lock", null, 0, -1, false);
            }
        }
        Phase p = Analyser.analyse(b.build()).phases().get(0);
        assertEquals(10.0, p.inFlight(), 1e-9, "ten threads inside their workload all the time");
        assertEquals(10, p.inFlightPeak());
        assertEquals(1.0, p.running(), 1e-9, "one at a time holds the lock: no speed-up from waiting");
        assertEquals(1, p.runningPeak());
        assertEquals(900.0 / 1100.0, p.blockedShare(), 1e-9, "ten workers blocked 90 ms each; main takes part");
    }

    @Test
    void idleIsNeitherBlockedNorWaitingAnywhere() {
        ModelBuilder b = recording(100);
        ThreadInfo main = b.thread(1, "main", false);
        b.workload(main, at(0), at(100), "a.Pool::run");
        b.agentWait(main, at(10), at(20), "future", "FutureTask.get", null, 0, -1, false);
        ThreadInfo worker = b.thread(2, "pool-1-thread-1", false);
        b.started(worker, at(5), 1);
        b.workload(worker, at(5), at(15), "a.Pool::task");
        b.agentWait(worker, at(15), at(100), "idle", "ThreadPoolExecutor.getTask", null, 0, -1, false);
        Analysis a = Analyser.analyse(b.build());
        ThreadBreakdown w = a.breakdown(a.model().indexOf(2));
        assertEquals(85 * MS, w.idle());
        assertEquals(0, w.waiting(), "idle is not blocked");
        assertEquals(85 * MS, a.idleTotal());
        assertEquals(List.of("future"), a.blockedTotals().stream().map(WaitTotal::kind).toList());
        Phase p = a.phases().get(0);
        assertEquals(10 * MS, p.blocked(), "only main's future");
        assertEquals(85 * MS, p.idle());
        assertFalse(p.blockedByKind().containsKey("idle"));
    }

    @Test
    void repeatedTopLevelSpansOfOneMethodFormOneGroup() {
        ModelBuilder b = recording(1000);
        ThreadInfo main = b.thread(1, "main", false);
        for (int i = 0; i < 50; i++) {
            b.workload(main, at(i * 10), at(i * 10 + 1 + i % 5), "a.Server::handle");
        }
        b.workload(main, at(600), at(700), "a.Server::shutdown");
        Analysis a = Analyser.analyse(b.build());
        assertEquals(51, a.phases().size());
        assertEquals(2, a.phaseGroups().size());
        PhaseGroup handle = a.phaseGroups().get(0);
        assertEquals("Server.handle", handle.name());
        assertEquals(50, handle.count());
        assertEquals(10 * (1 + 2 + 3 + 4 + 5) * MS, handle.wall());
        assertArrayEquals(new long[] {MS, 3 * MS, 5 * MS}, handle.spread(), "min, median, max");
        assertEquals("Server.handle", a.biggestPhaseGroups().get(0).name(), "150 ms in all beats one of 100 ms");
    }

    @Test
    void aPhaseFilterPicksPhasesOnAnyThread() {
        ModelBuilder b = recording(100);
        ThreadInfo main = b.thread(1, "main", false);
        b.workload(main, at(0), at(100), "a.Main::run");
        for (int i = 0; i < 3; i++) {
            ThreadInfo w = b.thread(10 + i, "handler-" + i, false);
            b.workload(w, at(10 * i), at(10 * i + 20), "a.Handler::handle");
            b.workload(w, at(10 * i + 5), at(10 * i + 10), "a.Handler::handle"); // nested: not a phase of its own
        }
        Analysis a = Analyser.analyse(b.build(), PhaseFilter.parse("a.Handler::handle"));
        assertEquals(3, a.phases().size());
        assertEquals(1, a.phaseGroups().size());
        assertEquals(3, a.phaseGroups().get(0).count());
        PhaseFilter bad = PhaseFilter.parse("@a.Traced;x".repeat(100));
        assertTrue(bad.problems().get(0).length() < 140, "an echo of user input is cut: " + bad.problems().get(0));
    }

    @Test
    void aPhaseWithoutOtherWorkloadCountsItsOwnWall() {
        ModelBuilder b = new ModelBuilder(null);
        ThreadInfo main = b.thread(1, "main", false);
        b.workload(main, at(0), at(100), "a.Only::run");
        b.event("x", at(0), at(100));
        Analysis a = Analyser.analyse(b.build());
        assertEquals(100 * MS, a.phases().get(0).inFlightTime());
        assertEquals(1.0, a.phases().get(0).running(), 1e-9);
    }

    @Test
    void withoutAThreadNamedMainEveryThreadsTopLevelSpansArePhases() {
        ModelBuilder b = new ModelBuilder(null);
        ThreadInfo x = b.thread(1, "driver", false);
        ThreadInfo y = b.thread(2, "helper", false);
        b.workload(x, at(0), at(10), "a.A::one");
        b.workload(x, at(20), at(30), "a.A::two");
        b.workload(y, at(0), at(5), "a.A::help");
        b.event("x", at(0), at(30));
        Analysis a = Analyser.analyse(b.build());
        assertEquals("driver", a.phaseThread().name(), "the thread with the most of them");
        assertEquals(3, a.phases().size(), "a server's handlers on many threads are all phases");
        assertEquals(List.of("A.one", "A.help", "A.two"), a.phases().stream().map(Phase::name).toList());
    }

    @Test
    void breakdownCountsWaitsInsideWorkloadAsWaiting() {
        ModelBuilder b = new ModelBuilder(null);
        ThreadInfo t = thread(b, 1, "t", 0, 100, -1);
        b.workload(t, at(10), at(60), "a.B::c");
        b.agentWait(t, at(20), at(30), "latch", "CountDownLatch.await", null, 0, -1, false);
        b.builtInWait(t, at(70), at(80), "sleep", "Thread.sleep", null, -1, true);
        b.event("x", at(0), at(100));
        Analysis a = Analyser.analyse(b.build());
        ThreadBreakdown bd = a.breakdown(0);
        assertEquals(100 * MS, bd.lifetime());
        assertEquals(40 * MS, bd.workload());
        assertEquals(20 * MS, bd.waiting());
        assertEquals(40 * MS, bd.other());
        assertEquals(10 * MS, bd.waiting(a.kinds().indexOf("latch")));
        assertEquals(10 * MS, bd.waiting(a.kinds().indexOf("sleep")));
        assertEquals("sleep", a.kinds().get(0), "kinds in display order");
    }

    @Test
    void runningCountsThreadsInWorkloadAndNotWaiting() {
        Analysis a = Analyser.analyse(demo());
        Concurrency c = a.concurrency();
        assertEquals(4, c.peak(), "main waits in join while the 4 workers run");
        // main's steps [0, 300] (its phase spans are not work); workers 4 x [310, 590]
        assertEquals(300 * MS + 4 * 280 * MS, c.running().time());
        assertEquals(580 * MS, c.running().anyTime());
        assertEquals((300.0 + 4 * 280.0) / 580.0, c.average(), 1e-9);
        assertEquals(at(310), c.running().peakAt());
        assertEquals(4, c.inFlight().peak());
    }

    @Test
    void countsLeaveOutJdkThreadsAndNotesSayWhatIsMissing() {
        Analysis a = Analyser.analyse(demo());
        assertEquals(6, a.platformThreads());
        assertEquals(0, a.virtualThreads());
        assertEquals(1, a.systemThreads());
        WaitTotal park = a.waitTotals().stream().filter(w -> w.kind().equals("park")).findFirst().orElseThrow();
        assertEquals(700 * MS, park.time());
        assertTrue(a.waitTotals().stream().noneMatch(w -> w.kind().equals("monitor-wait") && w.count() > 0),
                "the JDK thread's waits are not counted");
        assertTrue(a.notes().stream().anyMatch(n -> n.startsWith("Recorded without the Weft agent")),
                "the model holds no weft.* event types");
    }

    @Test
    void friendlyNames() {
        assertEquals("Scenario02Concurrent.run", Analyser.friendlyName("dev.weft.demo.Scenario02Concurrent::run", 0));
        assertEquals("Outer$Inner.call", Analyser.friendlyName("a.b.Outer$Inner::call", 0));
        assertEquals("Main.work", Analyser.friendlyName("x.Main.work", 0));
        assertEquals("Plain", Analyser.friendlyName("Plain", 0));
        assertEquals("phase 3", Analyser.friendlyName(null, 2));
        assertEquals("A.m", Analyser.friendlyName("p.A::m(int, java.lang.String)", 0));
    }

    @Test
    void anEmptyModelAnalysesToNothing() {
        Analysis a = Analyser.analyse(new ModelBuilder(null).build());
        assertTrue(a.phases().isEmpty());
        assertNull(a.phaseThread());
        assertEquals(0, a.concurrency().peak());
        assertEquals(0.0, a.concurrency().average());
    }

    @Test
    void aThreadTakesPartInThePhaseOfTheThreadThatStartedItNotInEveryPhaseOpenWhenItStarted() {
        ModelBuilder b = recording(100);
        // two tasks, each a phase on a thread of its own (main has none), open at once
        thread(b, 1, "main", 0, 100, -1);
        ThreadInfo a = thread(b, 2, "task-a", 0, 100, 1);
        ThreadInfo c = thread(b, 3, "task-b", 0, 100, 1);
        b.workload(a, at(0), at(100), "x.Task::run");
        b.workload(c, at(0), at(100), "x.Task::run");
        // task-a starts a helper that waits 40 ms; main starts another that waits 30 ms, both while both are open
        ThreadInfo helper = thread(b, 4, "helper", 10, 60, 2);
        b.agentWait(helper, at(10), at(50), "sleep", "Thread.sleep", null, 0, -1, true);
        ThreadInfo stranger = thread(b, 5, "stranger", 20, 60, 1);
        b.agentWait(stranger, at(20), at(50), "sleep", "Thread.sleep", null, 0, -1, true);
        List<Phase> phases = Analyser.analyse(b.build()).phases();
        assertEquals(2, phases.size());
        Phase ofA = phases.get(0).threadTime() > phases.get(1).threadTime() ? phases.get(0) : phases.get(1);
        Phase ofB = ofA == phases.get(0) ? phases.get(1) : phases.get(0);
        assertEquals(40 * MS, ofA.blocked(), "the helper task-a started waited in task-a's phase");
        assertEquals(100 * MS + 50 * MS, ofA.threadTime(), "task-a and its helper, clipped to the phase");
        assertEquals(0, ofB.blocked(), "task-b started nothing: neither thread takes part in its phase");
        assertEquals(100 * MS, ofB.threadTime());
    }
}
