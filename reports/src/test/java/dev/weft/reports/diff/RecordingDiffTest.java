package dev.weft.reports.diff;

import static dev.weft.reports.testing.WeftEvents.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.testing.DiffRecordings;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diff of recordings with known answers. Times come from real threads on a shared machine, so the
 * figures are checked as ratios with wide margins: four tasks in sequence against four at once.
 */
class RecordingDiffTest {

    @TempDir
    static Path dir;
    static RecordingDiff diff;

    @BeforeAll
    static void record() throws Exception {
        Analysis before = Reports.analyse(DiffRecordings.sequential(dir.resolve("before.jfr"), DiffRecordings.PHASE));
        Analysis after = Reports.analyse(DiffRecordings.concurrent(dir.resolve("after.jfr"), DiffRecordings.PHASE));
        diff = RecordingDiff.of(before, after);
    }

    /** A recording in which main runs {@code methods} one after the other, 2 ms each: one phase each. */
    private static Analysis phasesOnMain(String file, String... methods) throws Exception {
        return Reports.analyse(DiffRecordings.onMain(dir.resolve(file), () -> {
            for (String method : methods) {
                workload(method, () -> Thread.sleep(2));
            }
        }));
    }

    @Test
    void theSamePhaseIsMatchedByNameAndItsFiguresCompare() {
        assertEquals(1, diff.phases().size(), diff.phases().toString());
        PhasePair p = diff.phases().get(0);
        assertEquals(PhasePair.Match.NAME, p.match());
        assertEquals(DiffRecordings.PHASE_NAME, p.name());
        long task = DiffRecordings.TASK_MILLIS * 1_000_000;
        int n = DiffRecordings.TASKS;
        // before: the tasks one after the other
        assertTrue(p.before().wall() >= n * task, "before lasts all the tasks: " + p.before());
        assertTrue(p.before().speedUp() > 0.9 && p.before().speedUp() < 1.2, "in sequence: " + p.before());
        // after: the same work, at once
        assertTrue(p.after().work() >= n * task, "the same work after: " + p.after());
        // four spinning tasks on two cores, on a machine maybe busy with other builds: 1.86 was seen at
        // load 4; a diff that mixed up its sides or its phases gives about 1, or below
        assertTrue(p.after().speedUp() > 1.5, "at once: " + p.after());
        assertTrue(PhasePair.ratio(p.before().wall(), p.after().wall()) < 0.7, "the wall time shrank: " + p);
        assertTrue(PhasePair.ratio(p.before().speedUp(), p.after().speedUp()) > 1.5, "the speed-up grew: " + p);
        // waiting: main joins its pool after, and waited for nothing before
        assertEquals(0, p.before().waiting("join"));
        assertTrue(p.after().waiting("join") > 0, p.after().waitingByKind().toString());
        assertTrue(Double.isNaN(PhasePair.ratio(p.before().waiting("join"), p.after().waiting("join"))), "no ratio from zero");
    }

    @Test
    void threadsMatchByNameAndPoolsCompareAsGroups() {
        List<LaneChange> lanes = diff.lanes();
        LaneChange pool = lanes.stream().filter(l -> l.name().equals("pool-1-thread-N")).findFirst().orElseThrow();
        assertTrue(pool.group());
        assertEquals(0, pool.before().threads());
        assertEquals(DiffRecordings.TASKS, pool.after().threads());
        assertTrue(pool.after().running() >= DiffRecordings.TASKS * DiffRecordings.TASK_MILLIS * 1_000_000,
                pool.after().toString());
        LaneChange main = lanes.stream().filter(l -> l.name().equals("main")).findFirst().orElseThrow();
        assertFalse(main.group());
        // the test JVM's own main thread is in both recordings too: threads of one name compare as one lane
        assertTrue(main.before().threads() >= 1 && main.after().threads() == main.before().threads(), main.toString());
        assertTrue(main.after().waitingByKind().getOrDefault("join", 0L) > 0, "main joins after: " + main.after());
        for (int i = 1; i < lanes.size(); i++) {
            assertTrue(lanes.get(i - 1).change() >= lanes.get(i).change(), "the biggest change first: " + lanes);
        }
        assertTrue(lanes.stream().noneMatch(l -> l.name().startsWith("JFR ") || l.name().equals("Reference Handler")),
                "the JVM's own threads are not compared: " + lanes);
    }

    @Test
    void phasesLeftOverAsManyOnEachSideArePairedInOrder() throws Exception {
        Analysis seq = phasesOnMain("seq.jfr", "demo.Sequential::run", "demo.Shared::tail");
        Analysis conc = phasesOnMain("conc.jfr", "demo.Concurrent::run", "demo.Shared::tail");
        List<PhasePair> pairs = RecordingDiff.of(seq, conc).phases();
        assertEquals(2, pairs.size(), pairs.toString());
        assertEquals(PhasePair.Match.ORDER, pairs.get(0).match());
        assertEquals("Sequential.run \u2192 Concurrent.run", pairs.get(0).name());
        assertEquals(PhasePair.Match.NAME, pairs.get(1).match());
        assertEquals("Shared.tail", pairs.get(1).name());
    }

    @Test
    void unevenLeftoversStandAlone() throws Exception {
        Analysis two = phasesOnMain("two.jfr", "a.X::x", "a.Y::y");
        Analysis three = phasesOnMain("three.jfr", "a.X::x", "a.Z::z", "a.W::w");
        List<PhasePair> pairs = RecordingDiff.of(two, three).phases();
        assertEquals(List.of("X.x", "Y.y", "Z.z", "W.w"), pairs.stream().map(PhasePair::name).toList());
        assertEquals(List.of(PhasePair.Match.NAME, PhasePair.Match.BEFORE_ONLY, PhasePair.Match.AFTER_ONLY,
                PhasePair.Match.AFTER_ONLY), pairs.stream().map(PhasePair::match).toList());
        assertNull(pairs.get(1).after());
        assertNull(pairs.get(2).before());
    }

    @Test
    void phasesOfOneNameArePairedInTheirOrderAndTheExtraStandsAlone() throws Exception {
        Analysis before = phasesOnMain("rep-before.jfr", "a.X::x", "a.X::x", "a.X::x", "a.Y::y");
        Analysis after = phasesOnMain("rep-after.jfr", "a.Y::y", "a.X::x", "a.X::x");
        List<PhasePair> pairs = RecordingDiff.of(before, after).phases();
        assertEquals(List.of("X.x", "X.x", "X.x", "Y.y"), pairs.stream().map(PhasePair::name).toList());
        assertEquals(List.of(PhasePair.Match.NAME, PhasePair.Match.NAME, PhasePair.Match.BEFORE_ONLY,
                PhasePair.Match.NAME), pairs.stream().map(PhasePair::match).toList());
    }

    @Test
    void poolNames() {
        assertEquals("pool-1-thread-N", RecordingDiff.poolOf("pool-1-thread-3"));
        assertEquals("ForkJoinPool-1-worker-N", RecordingDiff.poolOf("ForkJoinPool-1-worker-12"));
        assertNull(RecordingDiff.poolOf("main"));
        assertNull(RecordingDiff.poolOf("42"), "a bare number names no pool");
    }
}
