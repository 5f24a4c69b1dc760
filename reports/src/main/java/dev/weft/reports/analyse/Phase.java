package dev.weft.reports.analyse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One phase: a top-level workload span on the main thread (one scenario of the demo).
 * Times are epoch nanoseconds and durations nanoseconds.
 */
public final class Phase {

    private final String name;
    private final String method;
    private final long start;
    private final long end;
    private final long work;
    private final long waiting;
    private final long threadTime;
    private final int threads;
    private final Map<String, Long> waitByKind;

    Phase(String name, String method, long start, long end, long work, long waiting, long threadTime, int threads,
          Map<String, Long> waitByKind) {
        this.name = name;
        this.method = method;
        this.start = start;
        this.end = end;
        this.work = work;
        this.waiting = waiting;
        this.threadTime = threadTime;
        this.threads = threads;
        this.waitByKind = Collections.unmodifiableMap(new LinkedHashMap<>(waitByKind));
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
     * Summed work: over all threads, the length of the union of each thread's workload spans
     * (phase spans themselves excluded) inside the phase; the wall time when there is none.
     */
    public long work() {
        return work;
    }

    /** {@code work / wall}: about 1 when the work ran in sequence, about N when N threads worked at once. */
    public double speedUp() {
        return wall() <= 0 ? 1.0 : (double) work / wall();
    }

    /**
     * Time spent waiting inside the phase, summed over the application threads taking part in it:
     * the main thread, threads with workload in the phase, and threads started in it.
     */
    public long waiting() {
        return waiting;
    }

    /** Time the threads taking part in the phase were alive inside it, summed over threads. */
    public long threadTime() {
        return threadTime;
    }

    /** {@code waiting / threadTime}: the share of the threads' time spent waiting. */
    public double waitShare() {
        return threadTime <= 0 ? 0.0 : (double) waiting / threadTime;
    }

    /** Threads that ran workload inside the phase (the main thread counts when it did). */
    public int threads() {
        return threads;
    }

    /** Waiting by kind, in the order of {@link Analysis#kinds()}; kinds with no time are left out. */
    public Map<String, Long> waitByKind() {
        return waitByKind;
    }
}
