package dev.weft.reports.analyse;

import dev.weft.reports.model.StringTable;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WorkloadSpans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the phases: by default each top-level workload span of the thread named {@code main} (the
 * demo's scenarios); when main has none (a server's handlers, a pool's tasks), the top-level workload
 * spans of every application thread; with a {@link PhaseFilter}, every span of a method it names that
 * no other such span on its thread contains, on any thread. Phases are in time order; the phase thread
 * is main, else the thread with the most of them.
 */
final class PhaseFinder {

    private final int phaseThread;
    private final int[] threads;
    private final long[] starts;
    private final long[] ends;
    private final int[] methods;

    private PhaseFinder(int phaseThread, List<long[]> spans) {
        this.phaseThread = phaseThread;
        spans.sort((a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[0], b[0]));
        int n = spans.size();
        threads = new int[n];
        starts = new long[n];
        ends = new long[n];
        methods = new int[n];
        for (int i = 0; i < n; i++) {
            long[] s = spans.get(i);
            threads[i] = (int) s[0];
            starts[i] = s[1];
            ends[i] = s[2];
            methods[i] = (int) s[3];
        }
    }

    static PhaseFinder find(List<ThreadInfo> threads, StringTable strings, PhaseFilter filter) {
        List<long[]> spans = new ArrayList<>();
        int pt = phaseThread(threads);
        if (filter.isEmpty() && pt >= 0 && "main".equals(threads.get(pt).name())) {
            WorkloadSpans w = threads.get(pt).workloads();
            long topEnd = Long.MIN_VALUE;
            for (int i = 0; i < w.size(); i++) {
                if (w.start(i) >= topEnd) {
                    spans.add(new long[] {pt, w.start(i), w.end(i), w.method(i)});
                    topEnd = w.end(i);
                }
            }
            return new PhaseFinder(pt, spans);
        }
        boolean[] matches = new boolean[strings.size()];
        for (int id = 0; id < strings.size(); id++) {
            matches[id] = filter.isEmpty() || filter.matches(strings.get(id));
        }
        int best = -1;
        int bestCount = 0;
        for (int ti = 0; ti < threads.size(); ti++) {
            if (filter.isEmpty() && threads.get(ti).isSystem()) {
                continue;
            }
            WorkloadSpans w = threads.get(ti).workloads();
            long topEnd = Long.MIN_VALUE;
            int count = 0;
            for (int i = 0; i < w.size(); i++) {
                int m = w.method(i);
                if (m >= 0 && matches[m] && w.start(i) >= topEnd) {
                    spans.add(new long[] {ti, w.start(i), w.end(i), m});
                    topEnd = w.end(i);
                    count++;
                }
            }
            if (count > bestCount) {
                best = ti;
                bestCount = count;
            }
        }
        return new PhaseFinder(best, spans);
    }

    /** Position of the thread the phases are taken from (the one with the most, with a filter), or -1. */
    int phaseThread() {
        return phaseThread;
    }

    int size() {
        return starts.length;
    }

    int thread(int i) {
        return threads[i];
    }

    long start(int i) {
        return starts[i];
    }

    long end(int i) {
        return ends[i];
    }

    int method(int i) {
        return methods[i];
    }

    /** Whether the workload span {@code [start, end]} of {@code method} on thread {@code ti} is a phase. */
    boolean isPhase(int ti, long start, long end, int method) {
        int at = Arrays.binarySearch(starts, start);
        if (at < 0) {
            return false;
        }
        while (at > 0 && starts[at - 1] == start) {
            at--;
        }
        for (int i = at; i < starts.length && starts[i] == start; i++) {
            if (threads[i] == ti && ends[i] == end && methods[i] == method) {
                return true;
            }
        }
        return false;
    }

    /** The thread named main with top-level workload spans, else the one with the most of them. */
    static int phaseThread(List<ThreadInfo> threads) {
        int best = -1;
        int bestCount = 0;
        long bestTime = 0;
        boolean bestMain = false;
        for (int ti = 0; ti < threads.size(); ti++) {
            ThreadInfo t = threads.get(ti);
            WorkloadSpans w = t.workloads();
            int count = 0;
            long time = 0;
            long topEnd = Long.MIN_VALUE;
            for (int i = 0; i < w.size(); i++) {
                if (w.start(i) >= topEnd) {
                    count++;
                    time += w.end(i) - w.start(i);
                    topEnd = w.end(i);
                }
            }
            if (count == 0) {
                continue;
            }
            boolean main = "main".equals(t.name());
            boolean better;
            if (best < 0 || main != bestMain) {
                better = best < 0 || main;
            } else if (count != bestCount) {
                better = count > bestCount;
            } else {
                better = time > bestTime;
            }
            if (better) {
                best = ti;
                bestCount = count;
                bestTime = time;
                bestMain = main;
            }
        }
        return best;
    }

}
