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
        long w = 0;
        for (Phase p : phases) {
            w += p.wall();
        }
        return w;
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
        long t = 0;
        for (Phase p : phases) {
            t += p.inFlightTime();
        }
        return t;
    }

    public long runningTime() {
        long t = 0;
        for (Phase p : phases) {
            t += p.runningTime();
        }
        return t;
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
        int p = 0;
        for (Phase ph : phases) {
            p = Math.max(p, ph.inFlightPeak());
        }
        return p;
    }

    public int runningPeak() {
        int p = 0;
        for (Phase ph : phases) {
            p = Math.max(p, ph.runningPeak());
        }
        return p;
    }

    public long blocked() {
        long t = 0;
        for (Phase p : phases) {
            t += p.blocked();
        }
        return t;
    }

    public long idle() {
        long t = 0;
        for (Phase p : phases) {
            t += p.idle();
        }
        return t;
    }

    public double blockedShare() {
        long threadTime = 0;
        for (Phase p : phases) {
            threadTime += p.threadTime();
        }
        return threadTime <= 0 ? 0.0 : (double) blocked() / threadTime;
    }

    /** The most threads with workload in one phase. */
    public int threads() {
        int n = 0;
        for (Phase p : phases) {
            n = Math.max(n, p.threads());
        }
        return n;
    }

    public Map<String, Long> blockedByKind() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Phase p : phases) {
            p.blockedByKind().forEach((k, v) -> m.merge(k, v, Long::sum));
        }
        return m;
    }
}
