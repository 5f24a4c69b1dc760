package dev.weft.reports.analyse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One phase: a top-level workload span on the phase thread (one scenario of the demo), or a span of a
 * method the {@code phases=} filter names. Times are epoch nanoseconds and durations nanoseconds.
 *
 * <p>The vocabulary, as on every surface: <b>in flight</b> — threads inside workload spans (the Go
 * lesson's concurrency); <b>running</b> — in workload and not waiting (parallelism); <b>blocked</b>
 * — in a wait, by kind; <b>idle</b> — a pool worker waiting for its next task, never summed into blocked.
 */
public final class Phase {

    private final String name;
    private final String method;
    private final long start;
    private final long end;
    private final long inFlightTime;
    private final long runningTime;
    private final long blocked;
    private final long idle;
    private final long threadTime;
    private final int threads;
    private final int inFlightPeak;
    private final int runningPeak;
    private final Map<String, Long> blockedByKind;

    Phase(String name, String method, long start, long end, long inFlightTime, long runningTime, long blocked,
          long idle, long threadTime, int threads, int inFlightPeak, int runningPeak, Map<String, Long> blockedByKind) {
        this.name = name;
        this.method = method;
        this.start = start;
        this.end = end;
        this.inFlightTime = inFlightTime;
        this.runningTime = runningTime;
        this.blocked = blocked;
        this.idle = idle;
        this.threadTime = threadTime;
        this.threads = threads;
        this.inFlightPeak = inFlightPeak;
        this.runningPeak = runningPeak;
        this.blockedByKind = Collections.unmodifiableMap(new LinkedHashMap<>(blockedByKind));
    }

    /** A friendly name: simple class name and method, e.g. {@code Scenario02Concurrent.run}. */
    public String name() {
        return name;
    }

    /** The method as recorded, e.g. {@code dev.weft.demo.Scenario02Concurrent::run}. */
    public String method() {
        return method;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    /** Wall time: the length of the phase span. */
    public long wall() {
        return end - start;
    }

    /**
     * Thread time in flight: over all threads, the union of each one's workload spans (phase spans
     * themselves excluded) inside the phase, blocked or not; the wall time when there is none.
     */
    public long inFlightTime() {
        return inFlightTime;
    }

    /** Thread time running: in flight and not waiting. */
    public long runningTime() {
        return runningTime;
    }

    /** Average threads in flight: {@code inFlightTime / wall}. */
    public double inFlight() {
        return wall() <= 0 ? 0.0 : (double) inFlightTime / wall();
    }

    /** Average threads running: {@code runningTime / wall}; about 1 in sequence, at most the cores when work is CPU-bound. */
    public double running() {
        return wall() <= 0 ? 0.0 : (double) runningTime / wall();
    }

    /** The most threads in flight at once inside the phase. */
    public int inFlightPeak() {
        return inFlightPeak;
    }

    /** The most threads running at once inside the phase. */
    public int runningPeak() {
        return runningPeak;
    }

    /**
     * Time blocked inside the phase (idle not counted), summed over the application threads taking
     * part in it: the phase's thread, threads with workload in it, and threads started in it.
     */
    public long blocked() {
        return blocked;
    }

    /** Time those threads were idle inside the phase (pool workers waiting for a task). */
    public long idle() {
        return idle;
    }

    /** Time the threads taking part in the phase were alive inside it, summed over threads. */
    public long threadTime() {
        return threadTime;
    }

    /** {@code blocked / threadTime}: the share of the threads' time spent blocked. */
    public double blockedShare() {
        return threadTime <= 0 ? 0.0 : (double) blocked / threadTime;
    }

    /** Threads that ran workload inside the phase (the phase's thread counts when it did). */
    public int threads() {
        return threads;
    }

    /** Blocked time by kind, in the order of {@link Analysis#kinds()}; kinds with no time are left out. */
    public Map<String, Long> blockedByKind() {
        return blockedByKind;
    }
}
