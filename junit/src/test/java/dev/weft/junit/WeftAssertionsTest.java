package dev.weft.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.diff.Figures;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The assertions' failures, from figures made up here: one line, the figure, the figure asked for, the report. */
class WeftAssertionsTest {

    static final Path REPORT = Path.of("project", "target", "weft", "example.T", "m-run.html");

    static WeftRun run(double speedUp, Map<String, Long> waits, List<String> left) {
        long waiting = waits.values().stream().mapToLong(Long::longValue).sum();
        Figures.OfPhase figures = new Figures.OfPhase("T.down_load", 1_000_000_000L, (long) (speedUp * 1e9), speedUp,
                speedUp, 3, waiting, 0, waits);
        return new WeftRun("down\nload", figures, left, REPORT, Path.of("r.jfr"));
    }

    static WeftRun run(double speedUp) {
        return run(speedUp, Map.of(), List.of());
    }

    /** Asserts that {@code assertion} fails with one line: the run, {@code message}, the report. */
    static void assertFailsWith(String message, Executable assertion) {
        AssertionError e = assertThrows(AssertionError.class, assertion);
        assertEquals("run 'down load': " + message + "; report: " + REPORT, e.getMessage());
    }

    @Test
    void speedUp() {
        WeftAssertions.assertSpeedUpAtLeast(run(2.6), 2.5);
        assertFailsWith("speed-up 1.02x, expected at least 2.50x", () -> WeftAssertions.assertSpeedUpAtLeast(run(1.02), 2.5));
        assertThrows(AssertionError.class, () -> WeftAssertions.assertSpeedUpAtMost(run(2.6), 1.5));
        WeftAssertions.assertSpeedUpAtMost(run(1.2), 1.5);
        assertThrows(AssertionError.class, () -> WeftAssertions.assertSpeedUpAtLeast(run(Double.NaN), 1),
                "no figure is no pass");
    }

    @Test
    void waits() {
        WeftRun run = run(1, Map.of("lock", 12_345_678L), List.of());
        assertEquals(12.345678, run.waitingMillis("lock"), 1e-9);
        assertEquals(0, run.waitingMillis("join"));
        assertFailsWith("waited 12.3 ms on lock, expected no lock waits", () -> WeftAssertions.assertNoWaits(run, "lock"));
        WeftAssertions.assertNoWaits(run, "join");
        WeftAssertions.assertWaitingAtMost(run, "lock", 20);
        assertFailsWith("waited 12.3 ms on lock, expected at most 10.0 ms", () -> WeftAssertions.assertWaitingAtMost(run, "lock", 10));
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> WeftAssertions.assertNoWaits(run, "Lock"));
        assertTrue(typo.getMessage().contains("'Lock'") && typo.getMessage().contains("lock"), typo.getMessage());
    }

    @Test
    void threadsLeftRunning() {
        WeftAssertions.assertNoThreadsLeftRunning(run(1));
        assertFailsWith("6 threads left running (a, b, c, d, e, ...), expected none",
                () -> WeftAssertions.assertNoThreadsLeftRunning(run(1, Map.of(), List.of("a", "b", "c", "d", "e", "f"))));
    }

    @Test
    void peak() {
        WeftAssertions.assertPeakInFlightAtLeast(run(1), 3);
        assertFailsWith("peak 3 threads in flight, expected at least 4", () -> WeftAssertions.assertPeakInFlightAtLeast(run(1), 4));
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
