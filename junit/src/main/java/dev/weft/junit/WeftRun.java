package dev.weft.junit;

import dev.weft.reports.diff.Figures;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link WeftRecorder#run} recorded: the code, the threads it started (and those they
 * started), their work, their waits, and what was still running when it returned. Times are in
 * milliseconds. The figures are Weft's report's, in its words: a thread is <em>in flight</em> inside
 * workload spans, <em>running</em> when in flight and not waiting, <em>blocked</em> in a wait, and
 * <em>idle</em> when it is a pool worker waiting for its next task. Its {@link #report()} is the
 * HTML timeline of the run.
 */
public final class WeftRun {

    private final String name;
    private final Figures.OfPhase figures;
    private final List<String> threadsLeftRunning;
    private final Path report;
    private final Path recording;

    WeftRun(String name, Figures.OfPhase figures, List<String> threadsLeftRunning, Path report, Path recording) {
        this.name = name;
        this.figures = figures;
        this.threadsLeftRunning = List.copyOf(threadsLeftRunning);
        this.report = report;
        this.recording = recording;
    }

    /** The name given to {@link WeftRecorder#run}. */
    public String name() {
        return name;
    }

    /** Wall time of the run: from the call to its return. */
    public double wallMillis() {
        return figures.wall() / 1e6;
    }

    /**
     * Work: the time the run's threads spent running in {@link WeftWorkload} methods — in them and not
     * waiting — summed over the threads (a thread's nested calls count once).
     */
    public double workMillis() {
        return figures.work() / 1e6;
    }

    /**
     * {@code workMillis() / wallMillis()}, the threads running on average: about 1 when the work ran in
     * sequence, about N when N threads worked at the same time; waiting is not work, so a run whose
     * workload only sleeps has a speed-up near 0.
     */
    public double speedUp() {
        return figures.speedUp();
    }

    /** The threads in workload methods on average, waiting or not: the run's concurrency. */
    public double inFlight() {
        return figures.inFlight();
    }

    /** The most threads in workload methods at the same moment of the run. */
    public int peakInFlight() {
        return figures.peakInFlight();
    }

    /**
     * Time the run's threads were blocked on {@code kind} ({@code lock}, {@code monitor-enter}, {@code join},
     * {@code latch}, {@code future}, {@code queue} … see {@link WeftAssertions#KINDS}), summed over threads,
     * or idle for {@code idle}; 0 when they never were.
     *
     * @throws IllegalArgumentException for a kind Weft never records (a typo would otherwise read as 0)
     */
    public double waitingMillis(String kind) {
        WeftAssertions.checkKind(kind);
        return figures.waiting(kind) / 1e6;
    }

    /** Every kind the run's threads waited on, in milliseconds ({@code idle} too, when they were). */
    public Map<String, Double> waitingByKind() {
        Map<String, Double> millis = new TreeMap<>();
        figures.waitingByKind().forEach((k, v) -> millis.put(k, v / 1e6));
        if (figures.idle() > 0) {
            millis.put("idle", figures.idle() / 1e6);
        }
        return millis;
    }

    /**
     * Names of the threads started inside the run, directly or by threads it started, that were still
     * alive when it returned: work nobody waited for. Idle workers of the JDK's common pool are not counted.
     */
    public List<String> threadsLeftRunning() {
        return threadsLeftRunning;
    }

    /** The run's HTML timeline, under {@code target/weft/}. */
    public Path report() {
        return report;
    }

    /** The run's JFR recording, next to its report: open it in JDK Mission Control, or diff it. */
    public Path recording() {
        return recording;
    }

    /** One line: the figures and the report. */
    @Override
    public String toString() {
        StringBuilder waits = new StringBuilder();
        waitingByKind().forEach((kind, ms) -> waits.append(waits.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.1f ms", kind, ms)));
        return String.format(Locale.ROOT, "run '%s': wall %.1f ms, work %.1f ms, speed-up %.2fx, in flight %.2f (peak %d), "
                + "waiting [%s], %d threads left running; report: %s", WeftAssertions.oneLine(name), wallMillis(),
                workMillis(), speedUp(), inFlight(), peakInFlight(), waits, threadsLeftRunning.size(), report);
    }
}
