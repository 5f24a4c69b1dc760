package dev.weft.reports.diff;

import static dev.weft.reports.testing.WeftEvents.start;
import static dev.weft.reports.testing.WeftEvents.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Phase;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.testing.DiffRecordings;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures weft-junit reads, on a recording with known threads. */
class FiguresTest {

    @TempDir
    Path dir;

    @Test
    void whatARunLeftRunningAreTheThreadsItStartedTransitivelyThatNeverEnded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        long[] mainId = new long[1];
        Path jfr = DiffRecordings.onMain(dir.resolve("left.jfr"), () -> {
            mainId[0] = Thread.currentThread().threadId();
            workload("app.T::run", () -> {
                Thread done = new Thread(() -> { }, "done");
                start(done);
                done.join();
                Thread parent = new Thread(() -> start(new Thread(() -> await(release), "grandchild")), "parent");
                start(parent);
                parent.join();
                start(new Thread(() -> await(release), "child"));
            });
        });
        release.countDown();
        Analysis a = Reports.analyse(jfr);
        Phase run = a.phases().get(0);
        List<String> left = Figures.leftRunning(a, mainId[0], run.start(), run.end()).stream()
                .map(ThreadInfo::displayName).sorted().toList();
        assertEquals(List.of("child", "grandchild"), left, "the parent and 'done' ended; both others never did");
        assertEquals(List.of(), Figures.leftRunning(a, mainId[0], run.end() + 1, run.end() + 2),
                "nothing the run started falls outside it");
    }

    @Test
    void aPhasesFiguresAreItsAnalysis() throws Exception {
        Analysis a = Reports.analyse(DiffRecordings.concurrent(dir.resolve("c.jfr"), DiffRecordings.PHASE));
        Phase p = a.phases().get(0);
        Figures.OfPhase f = Figures.of(a, p);
        assertEquals(p.wall(), f.wall());
        assertEquals(p.runningTime(), f.work(), "work is time running: in workload, not waiting");
        assertEquals(p.running(), f.speedUp());
        assertEquals(p.inFlight(), f.inFlight());
        assertEquals(p.blocked(), f.waiting(), "waiting is time blocked, idle apart");
        assertEquals(p.blockedByKind(), f.waitingByKind());
        assertEquals(p.inFlightPeak(), f.peakInFlight());
        assertTrue(f.peakInFlight() >= 2, "the pool's threads worked at once: " + f.peakInFlight());
        assertTrue(Figures.KINDS.containsAll(f.waitingByKind().keySet()), "every kind it waited on is a known kind");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
