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
 *
 * @param name a friendly name: simple class name and method, e.g. {@code Scenario02Concurrent.run}
 * @param method the method as recorded, e.g. {@code dev.weft.demo.Scenario02Concurrent::run}
 * @param inFlightTime thread time in flight: over all threads, the union of each one's workload spans (phase
 *        spans themselves excluded) inside the phase, blocked or not; the wall time when there is none
 * @param runningTime thread time running: in flight and not waiting
 * @param blocked time blocked inside the phase (idle not counted), summed over the application threads taking
 *        part in it: the phase's thread, threads with workload in it, and threads the phase's thread started in it
 * @param idle time those threads were idle inside the phase (pool workers waiting for a task)
 * @param threadTime time the threads taking part in the phase were alive inside it, summed over threads
 * @param threads threads that ran workload inside the phase (the phase's thread counts when it did)
 * @param inFlightPeak the most threads in flight at once inside the phase
 * @param runningPeak the most threads running at once inside the phase
 * @param blockedByKind blocked time by kind, in the order of {@link Analysis#kinds()}; kinds with no time are
 *        left out
 */
public record Phase(String name, String method, long start, long end, long inFlightTime, long runningTime,
                    long blocked, long idle, long threadTime, int threads, int inFlightPeak, int runningPeak,
                    Map<String, Long> blockedByKind) {

    public Phase {
        // a program with a phase per task has as many of these maps as threads: most hold one kind or none
        blockedByKind = switch (blockedByKind.size()) {
            case 0 -> Collections.emptyMap();
            case 1 -> {
                Map.Entry<String, Long> only = blockedByKind.entrySet().iterator().next();
                yield Collections.singletonMap(only.getKey(), only.getValue());
            }
            default -> Collections.unmodifiableMap(new LinkedHashMap<>(blockedByKind));
        };
    }

    /** Wall time: the length of the phase span. */
    public long wall() {
        return end - start;
    }

    /** Average threads in flight: {@code inFlightTime / wall}. */
    public double inFlight() {
        return wall() <= 0 ? 0.0 : (double) inFlightTime / wall();
    }

    /** Average threads running: {@code runningTime / wall}; about 1 in sequence, at most the cores when work is CPU-bound. */
    public double running() {
        return wall() <= 0 ? 0.0 : (double) runningTime / wall();
    }

    /** {@code blocked / threadTime}: the share of the threads' time spent blocked. */
    public double blockedShare() {
        return threadTime <= 0 ? 0.0 : (double) blocked / threadTime;
    }
}
