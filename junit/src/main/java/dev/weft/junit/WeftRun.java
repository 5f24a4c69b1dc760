package dev.weft.junit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@link WeftRecorder#run} recorded: the code, the threads it started (and those they
 * started), their work, their waits, and what was still running when it returned. Times are in
 * milliseconds. Its {@link #report()} is the HTML timeline of the run.
 */
public final class WeftRun {

    private final String name;
    private final long wallNanos;
    private final long workNanos;
    private final double speedUp;
    private final int peakInFlight;
    private final Map<String, Long> waitingByKind;
    private final List<String> threadsLeftRunning;
    private final Path report;
    private final Path recording;

    WeftRun(String name, long wallNanos, long workNanos, double speedUp, int peakInFlight,
            Map<String, Long> waitingByKind, List<String> threadsLeftRunning, Path report, Path recording) {
        this.name = name;
        this.wallNanos = wallNanos;
        this.workNanos = workNanos;
        this.speedUp = speedUp;
        this.peakInFlight = peakInFlight;
        this.waitingByKind = Map.copyOf(waitingByKind);
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
        return wallNanos / 1e6;
    }

    /**
     * Workload: the time each thread spent in {@link WeftWorkload} methods during the run, summed over
     * the threads (a thread's nested calls count once).
     */
    public double workMillis() {
        return workNanos / 1e6;
    }

    /**
     * {@code workMillis() / wallMillis()}: about 1 when the work ran in sequence, about N when N threads
     * worked at the same time; the run's wall time when it ran no workload, so 1.
     */
    public double speedUp() {
        return speedUp;
    }

    /** The most threads in workload, and not waiting, at the same moment of the run. */
    public int peakInFlight() {
        return peakInFlight;
    }

    /**
     * Time the run's threads waited on {@code kind} ({@code lock}, {@code monitor-enter}, {@code join},
     * {@code latch}, {@code future}, {@code queue} … see {@link WeftAssertions#KINDS}), summed over threads;
     * 0 when they never did.
     *
     * @throws IllegalArgumentException for a kind Weft never records (a typo would otherwise read as 0)
     */
    public double waitingMillis(String kind) {
        WeftAssertions.checkKind(kind);
        return waitingByKind.getOrDefault(kind, 0L) / 1e6;
    }

    /** Every kind the run's threads waited on, in milliseconds. */
    public Map<String, Double> waitingByKind() {
        Map<String, Double> millis = new java.util.TreeMap<>();
        waitingByKind.forEach((k, v) -> millis.put(k, v / 1e6));
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
        return String.format(Locale.ROOT, "run '%s': wall %.1f ms, work %.1f ms, speed-up %.2fx, peak %d in flight, "
                + "waiting [%s], %d threads left running; report: %s", WeftAssertions.oneLine(name), wallMillis(),
                workMillis(), speedUp, peakInFlight, waits, threadsLeftRunning.size(), report);
    }
}
