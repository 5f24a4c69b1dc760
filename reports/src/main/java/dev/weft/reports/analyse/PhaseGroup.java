package dev.weft.reports.analyse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phases of one method: a real program calls its top-level method again and again (a request
 * handler, a build step), and the report shows them as one group — name ×count, total, spread — that
 * unfolds on demand. A method called once is a group of one.
 */
public final class PhaseGroup {

    private final List<Phase> phases;
    // summed once: a group may hold a phase per task, and a page asks for each total more than once
    private final long wall;
    private final long inFlightTime;
    private final long runningTime;
    private final long blocked;
    private final long idle;
    private final long threadTime;
    private final int inFlightPeak;
    private final int runningPeak;
    private final int threads;

    PhaseGroup(List<Phase> phases) {
        this.phases = List.copyOf(phases);
        long wall = 0;
        long inFlightTime = 0;
        long runningTime = 0;
        long blocked = 0;
        long idle = 0;
        long threadTime = 0;
        int inFlightPeak = 0;
        int runningPeak = 0;
        int threads = 0;
        for (Phase p : this.phases) {
            wall += p.wall();
            inFlightTime += p.inFlightTime();
            runningTime += p.runningTime();
            blocked += p.blocked();
            idle += p.idle();
            threadTime += p.threadTime();
            inFlightPeak = Math.max(inFlightPeak, p.inFlightPeak());
            runningPeak = Math.max(runningPeak, p.runningPeak());
            threads = Math.max(threads, p.threads());
        }
        this.wall = wall;
        this.inFlightTime = inFlightTime;
        this.runningTime = runningTime;
        this.blocked = blocked;
        this.idle = idle;
        this.threadTime = threadTime;
        this.inFlightPeak = inFlightPeak;
        this.runningPeak = runningPeak;
        this.threads = threads;
    }

    public String name() {
        return phases.get(0).name();
    }

    public String method() {
        return phases.get(0).method();
    }

    /** The phases of the group, in time order. */
    public List<Phase> phases() {
        return phases;
    }

    public int count() {
        return phases.size();
    }

    public long start() {
        return phases.get(0).start();
    }

    /** Wall time summed over the phases. */
    public long wall() {
        return wall;
    }

    /** Shortest, median and longest wall time of one phase. */
    public long[] spread() {
        long[] w = new long[phases.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = phases.get(i).wall();
        }
        Arrays.sort(w);
        return new long[] {w[0], w[w.length / 2], w[w.length - 1]};
    }

    public long inFlightTime() {
        return inFlightTime;
    }

    public long runningTime() {
        return runningTime;
    }

    /** Average threads in flight over the group's wall time. */
    public double inFlight() {
        long w = wall();
        return w <= 0 ? 0.0 : (double) inFlightTime() / w;
    }

    /** Average threads running over the group's wall time. */
    public double running() {
        long w = wall();
        return w <= 0 ? 0.0 : (double) runningTime() / w;
    }

    public int inFlightPeak() {
        return inFlightPeak;
    }

    public int runningPeak() {
        return runningPeak;
    }

    public long blocked() {
        return blocked;
    }

    public long idle() {
        return idle;
    }

    public double blockedShare() {
        return threadTime <= 0 ? 0.0 : (double) blocked / threadTime;
    }

    /** The most threads with workload in one phase. */
    public int threads() {
        return threads;
    }

    public Map<String, Long> blockedByKind() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Phase p : phases) {
            p.blockedByKind().forEach((k, v) -> m.merge(k, v, Long::sum));
        }
        return m;
    }
}
