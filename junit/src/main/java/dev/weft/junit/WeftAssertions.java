package dev.weft.junit;

import dev.weft.reports.diff.Figures;

import java.util.List;
import java.util.Locale;

/**
 * Assertions on a {@link WeftRun}. A failure is an {@link AssertionError} of one line: the run, the
 * figure measured, the figure asked for, and the report to open, e.g.
 * <pre>run 'download': speed-up 1.02x, expected at least 2.50x; report: /project/target/weft/DownloaderTest/downloadsInParallel-download.html</pre>
 */
public final class WeftAssertions {

    /** The wait kinds Weft records ({@code idle} among them); {@link #assertNoWaits} and {@link WeftRun#waitingMillis} refuse any other. */
    public static final List<String> KINDS = Figures.KINDS;

    private WeftAssertions() {
    }

    /** The run's work (time running in workload methods, summed over threads) divided by its wall time is at least {@code min}. */
    public static void assertSpeedUpAtLeast(WeftRun run, double min) {
        if (!(run.speedUp() >= min)) {
            fail(run, String.format(Locale.ROOT, "speed-up %.2fx, expected at least %.2fx", run.speedUp(), min));
        }
    }

    /** The run's work divided by its wall time is at most {@code max}: e.g. that it ran in sequence. */
    public static void assertSpeedUpAtMost(WeftRun run, double max) {
        if (!(run.speedUp() <= max)) {
            fail(run, String.format(Locale.ROOT, "speed-up %.2fx, expected at most %.2fx", run.speedUp(), max));
        }
    }

    /** At some moment of the run, at least {@code min} threads were in workload methods. */
    public static void assertPeakInFlightAtLeast(WeftRun run, int min) {
        if (run.peakInFlight() < min) {
            fail(run, "peak " + run.peakInFlight() + " threads in flight, expected at least " + min);
        }
    }

    /** No thread of the run waited on {@code kind} ({@code lock}, {@code monitor-enter} … see {@link #KINDS}). */
    public static void assertNoWaits(WeftRun run, String kind) {
        double waited = run.waitingMillis(kind);
        if (waited > 0) {
            fail(run, String.format(Locale.ROOT, "waited %.1f ms on %s, expected no %s waits", waited, kind, kind));
        }
    }

    /** The run's threads waited on {@code kind} for at most {@code maxMillis}, summed over threads. */
    public static void assertWaitingAtMost(WeftRun run, String kind, double maxMillis) {
        double waited = run.waitingMillis(kind);
        if (waited > maxMillis) {
            fail(run, String.format(Locale.ROOT, "waited %.1f ms on %s, expected at most %.1f ms", waited, kind, maxMillis));
        }
    }

    /** Every thread the run started had ended when it returned: nothing was forgotten. */
    public static void assertNoThreadsLeftRunning(WeftRun run) {
        List<String> left = run.threadsLeftRunning();
        if (!left.isEmpty()) {
            String names = String.join(", ", left.subList(0, Math.min(left.size(), 5))) + (left.size() > 5 ? ", ..." : "");
            fail(run, left.size() + (left.size() == 1 ? " thread" : " threads") + " left running (" + names
                    + "), expected none");
        }
    }

    static void checkKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("Weft records no wait of kind '" + kind + "'; the kinds are " + KINDS);
        }
    }

    private static void fail(WeftRun run, String figures) {
        throw new AssertionError("run '" + oneLine(run.name()) + "': " + figures + "; report: " + run.report());
    }

    /** Names come from test code: kept to one line so that the failure stays one. */
    static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }
}
