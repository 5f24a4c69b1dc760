package dev.weft.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.diff.Figures;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The assertions' failures, from figures made up here: one line, the figure, the figure asked for, the report. */
class WeftAssertionsTest {

    static final Path REPORT = Path.of("project", "target", "weft", "example.T", "m-run.html");

    static WeftRun run(double speedUp, Map<String, Long> waits, List<String> left) {
        long waiting = waits.values().stream().mapToLong(Long::longValue).sum();
        Figures.OfPhase figures = new Figures.OfPhase("T.down_load", 1_000_000_000L, (long) (speedUp * 1e9), speedUp,
                speedUp, 3, waiting, 0, waits);
        return new WeftRun("down\nload", figures, left, REPORT, Path.of("r.jfr"));
    }

    @Test
    void speedUp() {
        WeftAssertions.assertSpeedUpAtLeast(run(2.6, Map.of(), List.of()), 2.5);
        AssertionError e = assertThrows(AssertionError.class,
                () -> WeftAssertions.assertSpeedUpAtLeast(run(1.02, Map.of(), List.of()), 2.5));
        assertEquals("run 'down load': speed-up 1.02x, expected at least 2.50x; report: " + REPORT, e.getMessage());
        assertThrows(AssertionError.class, () -> WeftAssertions.assertSpeedUpAtMost(run(2.6, Map.of(), List.of()), 1.5));
        WeftAssertions.assertSpeedUpAtMost(run(1.2, Map.of(), List.of()), 1.5);
        assertThrows(AssertionError.class, () -> WeftAssertions.assertSpeedUpAtLeast(run(Double.NaN, Map.of(), List.of()), 1),
                "no figure is no pass");
    }

    @Test
    void waits() {
        WeftRun run = run(1, Map.of("lock", 12_345_678L), List.of());
        assertEquals(12.345678, run.waitingMillis("lock"), 1e-9);
        assertEquals(0, run.waitingMillis("join"));
        AssertionError e = assertThrows(AssertionError.class, () -> WeftAssertions.assertNoWaits(run, "lock"));
        assertEquals("run 'down load': waited 12.3 ms on lock, expected no lock waits; report: " + REPORT, e.getMessage());
        WeftAssertions.assertNoWaits(run, "join");
        WeftAssertions.assertWaitingAtMost(run, "lock", 20);
        AssertionError most = assertThrows(AssertionError.class, () -> WeftAssertions.assertWaitingAtMost(run, "lock", 10));
        assertEquals("run 'down load': waited 12.3 ms on lock, expected at most 10.0 ms; report: " + REPORT, most.getMessage());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> WeftAssertions.assertNoWaits(run, "Lock"));
        assertTrue(typo.getMessage().contains("'Lock'") && typo.getMessage().contains("lock"), typo.getMessage());
    }

    @Test
    void threadsLeftRunning() {
        WeftAssertions.assertNoThreadsLeftRunning(run(1, Map.of(), List.of()));
        AssertionError e = assertThrows(AssertionError.class,
                () -> WeftAssertions.assertNoThreadsLeftRunning(run(1, Map.of(), List.of("a", "b", "c", "d", "e", "f"))));
        assertEquals("run 'down load': 6 threads left running (a, b, c, d, e, ...), expected none; report: " + REPORT,
                e.getMessage());
    }

    @Test
    void peak() {
        WeftAssertions.assertPeakInFlightAtLeast(run(1, Map.of(), List.of()), 3);
        AssertionError e = assertThrows(AssertionError.class,
                () -> WeftAssertions.assertPeakInFlightAtLeast(run(1, Map.of(), List.of()), 4));
        assertEquals("run 'down load': peak 3 threads in flight, expected at least 4; report: " + REPORT, e.getMessage());
    }

    @Test
    void idleIsAKindOfItsOwn() {
        Figures.OfPhase figures = new Figures.OfPhase("T.pool", 1_000_000_000L, 0, 0, 0, 1, 0, 7_000_000L, Map.of());
        WeftRun run = new WeftRun("pool", figures, List.of(), REPORT, Path.of("r.jfr"));
        assertEquals(7.0, run.waitingMillis("idle"), 1e-9);
        assertEquals(Map.of("idle", 7.0), run.waitingByKind());
    }

    @Test
    void runNamesBecomeSpanMethodsAndFileNames() {
        assertEquals("two_runs", WeftRecorder.identifier("two runs"));
        assertEquals("_1st", WeftRecorder.identifier("1st"));
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("test-down_load_.._x", WeftRecorder.fileName("test-down load/../x"));
        assertEquals(120, WeftRecorder.fileName("x".repeat(300)).length());
    }
}
