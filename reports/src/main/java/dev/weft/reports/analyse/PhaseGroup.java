package dev.weft.reports.analyse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The phases of one method: a real program calls its top-level method again and again (a request
 * handler, a build step), and the report shows them as one group — name ×count, total, spread — that
 * unfolds on demand. A method called once is a group of one.
 */
public final class PhaseGroup {

    private final List<Phase> phases;

    PhaseGroup(List<Phase> phases) {
        this.phases = List.copyOf(phases);
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
        return sum(Phase::wall);
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
        return sum(Phase::inFlightTime);
    }

    public long runningTime() {
        return sum(Phase::runningTime);
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
        return max(Phase::inFlightPeak);
    }

    public int runningPeak() {
        return max(Phase::runningPeak);
    }

    public long blocked() {
        return sum(Phase::blocked);
    }

    public long idle() {
        return sum(Phase::idle);
    }

    public double blockedShare() {
        long threadTime = sum(Phase::threadTime);
        return threadTime <= 0 ? 0.0 : (double) blocked() / threadTime;
    }

    /** The most threads with workload in one phase. */
    public int threads() {
        return max(Phase::threads);
    }

    private long sum(ToLongFunction<Phase> of) {
        long t = 0;
        for (Phase p : phases) {
            t += of.applyAsLong(p);
        }
        return t;
    }

    private int max(ToIntFunction<Phase> of) {
        int m = 0;
        for (Phase p : phases) {
            m = Math.max(m, of.applyAsInt(p));
        }
        return m;
    }

    public Map<String, Long> blockedByKind() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Phase p : phases) {
            p.blockedByKind().forEach((k, v) -> m.merge(k, v, Long::sum));
        }
        return m;
    }
}
