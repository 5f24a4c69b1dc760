package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Phase;
import dev.weft.reports.analyse.ThreadBreakdown;
import dev.weft.reports.model.AliveAtExit;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.StringTable;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.testing.Scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on a real recording shaped like the demo. */
class PipelineTest {

    @TempDir
    static Path dir;

    static Scenarios.Demo demo;
    static Analysis analysis;
    static Model model;

    @BeforeAll
    static void record() throws Exception {
        demo = Scenarios.demo(dir.resolve("demo.jfr"));
        analysis = Reports.analyse(demo.jfr());
        model = analysis.model();
    }

    private static ThreadInfo thread(long id) {
        int i = model.indexOf(id);
        assertTrue(i >= 0, "thread " + id + " is in the model");
        return model.threads().get(i);
    }

    @Test
    void everyThreadGetsALaneAndTheMainThreadComesFirst() {
        assertEquals(demo.mainId(), model.threads().get(0).id(), "the thread named main with the phases is first");
        assertEquals("main", thread(demo.mainId()).name());
        for (long id : demo.workerIds()) {
            ThreadInfo w = thread(id);
            assertTrue(w.name().startsWith("worker-"));
            assertFalse(w.isVirtual());
            assertEquals(demo.mainId(), w.parentId(), "weft.ThreadStart names the parent");
            assertTrue(w.startSeen() && w.endSeen(), "start and end were recorded");
            assertTrue(w.start() >= thread(demo.mainId()).start() && w.end() <= model.end());
        }
        ThreadInfo v = thread(demo.virtualId());
        assertTrue(v.isVirtual());
        assertEquals(demo.mainId(), v.parentId(), "the agent's start event gives virtual threads a parent too");
        assertTrue(analysis.virtualThreads() >= 1);
        assertTrue(analysis.platformThreads() >= 1 + Scenarios.WORKERS + 2);

        // lanes after the first are ordered by start time
        List<ThreadInfo> threads = model.threads();
        for (int i = 2; i < threads.size(); i++) {
            if (!"main".equals(threads.get(i).name()) && !"main".equals(threads.get(i - 1).name())) {
                assertTrue(threads.get(i - 1).start() <= threads.get(i).start(), "sorted by start");
            }
        }
    }

    @Test
    void phasesAreTheTopLevelWorkloadsOfMainWithFriendlyNames() {
        assertEquals(demo.mainId(), analysis.phaseThread().id());
        List<Phase> phases = analysis.phases();
        assertEquals(3, phases.size());
        assertEquals("Scenario01Sequential.run", phases.get(0).name());
        assertEquals(Scenarios.SEQUENTIAL, phases.get(0).method());
        assertEquals("Scenario02Concurrent.run", phases.get(1).name());
        assertEquals("Scenario03Virtual.run", phases.get(2).name());
        assertTrue(phases.get(0).end() <= phases.get(1).start() && phases.get(1).end() <= phases.get(2).start());
    }

    @Test
    void sequentialHasAboutOneThreadInFlightAndConcurrentAboutN() {
        Phase sequential = analysis.phases().get(0);
        Phase concurrent = analysis.phases().get(1);
        double s = sequential.inFlight();
        double c = concurrent.inFlight();
        assertTrue(s > 0.85 && s <= 1.02, "sequential: about 1 in flight, was " + s);
        // real threads on a possibly busy machine start late: the bound is loose here, exact in AnalyserTest
        assertTrue(c > Scenarios.WORKERS * 0.5 && c < Scenarios.WORKERS * 1.1 && c > 2 * s,
                "concurrent: about " + Scenarios.WORKERS + " in flight, was " + c);
        assertTrue(concurrent.running() <= c + 1e-9, "running is never more than in flight");
        assertTrue(sequential.wall() >= 3 * Scenarios.STEP_MILLIS * 1_000_000L, "three steps in a row");
        assertEquals(Scenarios.WORKERS, concurrent.threads(), "the workers did the work");
        assertTrue(concurrent.blockedByKind().getOrDefault("join", 0L) > 0, "main waited in join");
        assertTrue(concurrent.blockedShare() > 0.05 && concurrent.blockedShare() < 0.5,
                "main waited: " + concurrent.blockedShare());
        assertEquals(0.0, sequential.blockedShare(), 0.02, "nothing waited in the sequential phase");
        // the phase span itself is no work: the concurrent phase's main thread did none
        assertTrue(concurrent.inFlightTime() <= Scenarios.WORKERS * (concurrent.wall() + 1));
    }

    @Test
    void parallelismSeesTheWorkersAtOnce() {
        int peak = analysis.concurrency().peak();
        assertTrue(peak >= Scenarios.WORKERS && peak <= Scenarios.WORKERS + 1, "peak " + peak);
        assertTrue(analysis.concurrency().average() >= 1.0);
    }

    @Test
    void aBuiltInParkInsideAnAgentWaitIsMergedIntoOneSpan() {
        ThreadInfo merger = thread(demo.mergerId());
        WaitSpans waits = merger.waits();
        StringTable strings = model.strings();
        assertEquals(2, waits.size(), "the latch await and the bare park");
        assertEquals("latch", strings.get(waits.kind(0)));
        assertEquals("CountDownLatch.await", strings.get(waits.api(0)));
        assertEquals(0, waits.flags(0) & WaitSpans.BUILT_IN, "the agent's span");
        assertEquals(Object.class.getName(), strings.get(waits.blockerClass(0)));
        assertEquals("park", strings.get(waits.kind(1)), "outside any agent wait the JDK park stays");
        assertTrue((waits.flags(1) & WaitSpans.BUILT_IN) != 0);
        assertTrue((waits.flags(1) & WaitSpans.TIMED) != 0, "parkNanos has a timeout");
        assertTrue(waits.start(1) >= waits.end(0), "the park follows the latch");
        // the park inside the latch, and at least the first join's monitor wait (later joins may not wait at all)
        assertTrue(model.mergedWaits() >= 2, "merged " + model.mergedWaits());
        // the joins on main: one span each, of kind join, no monitor-wait beside them
        ThreadInfo main = thread(demo.mainId());
        for (int i = 0; i < main.waits().size(); i++) {
            assertEquals("join", strings.get(main.waits().kind(i)));
        }
        assertEquals(Scenarios.WORKERS + 1, main.waits().size());
        assertTrue(main.waits().target(0) >= 0, "join has a target thread");
    }

    @Test
    void breakdownSumsToTheLifetimeForEveryThread() {
        for (int i = 0; i < model.threads().size(); i++) {
            ThreadBreakdown b = analysis.breakdown(i);
            ThreadInfo t = model.threads().get(i);
            assertEquals(t.lifetime(), b.lifetime());
            assertTrue(b.workload() >= 0 && b.waiting() >= 0 && b.other() >= 0, t + " has no negative part");
            long byKind = 0;
            for (int k = 0; k < analysis.kinds().size(); k++) {
                byKind += b.waiting(k);
            }
            assertEquals(b.waiting() + b.idle(), byKind, "kinds add up for " + t + " (idle has its own kind)");
            assertEquals(b.lifetime(), b.workload() + b.waiting() + b.idle() + b.other());
        }
        ThreadBreakdown worker = analysis.breakdown(model.indexOf(demo.workerIds().get(0)));
        assertTrue(worker.workload() >= 0.9 * Scenarios.TASK_MILLIS * 1_000_000L, "the worker spun in its workload");
    }

    @Test
    void aliveAtExitAndAgentStatusAreRead() {
        assertEquals(1, model.aliveAtExit().size());
        AliveAtExit alive = model.aliveAtExit().get(0);
        assertEquals(demo.forgottenId(), alive.threadId());
        assertEquals("forgotten", alive.name());
        assertTrue(alive.daemon());
        assertEquals("WAITING", alive.state());
        assertTrue(alive.activity().startsWith("dev.weft.demo.Forgotten.run"));
        ThreadInfo forgotten = thread(demo.forgottenId());
        assertTrue(forgotten.aliveAtExit());
        assertFalse(forgotten.endSeen(), "it had not ended when the recording stopped");
        assertEquals(model.end(), forgotten.end(), "no end seen: runs to the recording end");
        assertTrue(forgotten.isDaemonKnown() && forgotten.isDaemon());

        assertNotNull(model.agentStatus());
        assertEquals("0.0-test", model.agentStatus().version());
        assertEquals(7, model.agentStatus().instrumentedTypes());
        assertEquals(1, model.agentStatus().transformErrors());
        assertEquals(2, model.agentStatus().suppressedErrors());
        assertEquals(Scenarios.FAILED_TYPES, model.agentStatus().failedTypes());
        assertEquals(Scenarios.FIRST_SUPPRESSED, model.agentStatus().firstSuppressed());
        assertEquals(1, model.wakeCount());
        assertTrue(model.hasAgentData());
    }

    @Test
    void writeHtmlReturnsASummary() throws Exception {
        Path html = dir.resolve("out/nested/demo.html");
        ReportSummary summary = Reports.writeHtml(demo.jfr(), html);
        assertTrue(Files.isRegularFile(html));
        assertEquals(Files.size(html), summary.htmlBytes());
        assertEquals(3, summary.phases().size());
        assertTrue(summary.phases().stream().anyMatch(p -> p.name().equals("Scenario02Concurrent.run")
                && p.inFlight() > 3), summary.phases().toString());
        assertEquals(1, summary.threadsAliveAtExit());
        assertEquals(model.workloadSpanCount(), summary.workloadSpans());
        assertTrue(summary.virtualThreads() >= 1);
        assertTrue(summary.agentData());
        String line = summary.toLine();
        assertFalse(line.contains("\n"));
        assertTrue(line.contains("Scenario02Concurrent.run") && line.contains(html.toString()), line);
    }
}
