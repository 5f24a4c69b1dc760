package dev.weft.reports.analyse;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.StringTable;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.model.WorkloadSpans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the {@link Analysis} of a {@link Model}.
 *
 * <ul>
 * <li><b>Phase</b>: each top-level {@code weft.Workload} span on the main thread (the thread named
 *     {@code main}; if it has none, the thread with the most top-level workload spans).</li>
 * <li><b>Work</b> of a phase: over all threads, the length of the union of each thread's workload
 *     spans (the phase spans themselves excluded), clipped to the phase; the phase's wall time if
 *     it contains no other workload. <b>Speed-up</b> = work / wall.</li>
 * <li><b>Waiting</b> of a phase: wait time, clipped to the phase and by kind, of the application
 *     threads taking part in it (the main thread, threads with workload in it, threads started in
 *     it; bystanders idling elsewhere do not count); <b>wait share</b> = waiting / time those
 *     threads were alive in the phase.</li>
 * <li><b>Breakdown</b> of a thread, without overlap: workload, waiting by kind, other; a wait
 *     inside a workload counts as waiting; the parts sum to the lifetime.</li>
 * <li><b>Parallelism</b>: application threads in workload and not waiting at once; the peak, and
 *     the average while at least one was.</li>
 * </ul>
 * Application threads are all threads but the JVM's and the tools' own ({@link ThreadInfo#isSystem()}).
 */
public final class Analyser {

    private static final List<String> KIND_ORDER = List.of(
            "sleep", "join", "future", "latch", "barrier", "phaser", "semaphore", "lock", "condition",
            "monitor", "monitor-enter", "monitor-wait", "queue", "park", "io");

    private Analyser() {
    }

    public static Analysis analyse(Model model) {
        List<ThreadInfo> threads = model.threads();
        StringTable strings = model.strings();

        // wait kinds present, in a stable display order
        Map<Integer, Integer> kindIndex = new HashMap<>();
        List<String> kinds = kinds(threads, strings, kindIndex);
        int[] kindOf = new int[strings.size()];
        Arrays.fill(kindOf, -1);
        kindIndex.forEach((id, k) -> kindOf[id] = k);

        int phaseThread = phaseThread(threads);
        long[] phaseStarts = new long[0];
        long[] phaseEnds = new long[0];
        int[] phaseMethods = new int[0];
        if (phaseThread >= 0) {
            WorkloadSpans w = threads.get(phaseThread).workloads();
            int n = 0;
            phaseStarts = new long[w.size()];
            phaseEnds = new long[w.size()];
            phaseMethods = new int[w.size()];
            long topEnd = Long.MIN_VALUE;
            for (int i = 0; i < w.size(); i++) {
                if (w.start(i) >= topEnd) {
                    phaseStarts[n] = w.start(i);
                    phaseEnds[n] = w.end(i);
                    phaseMethods[n] = w.method(i);
                    n++;
                    topEnd = w.end(i);
                }
            }
            phaseStarts = Arrays.copyOf(phaseStarts, n);
            phaseEnds = Arrays.copyOf(phaseEnds, n);
            phaseMethods = Arrays.copyOf(phaseMethods, n);
        }
        int phaseCount = phaseStarts.length;
        long[] work = new long[phaseCount];
        long[] waiting = new long[phaseCount];
        long[] threadTime = new long[phaseCount];
        int[] workers = new int[phaseCount];
        long[][] phaseWaitByKind = new long[phaseCount][kinds.size()];

        ThreadBreakdown[] breakdown = new ThreadBreakdown[threads.size()];
        long[] kindCount = new long[kinds.size()];
        long[] kindTime = new long[kinds.size()];
        LongList busyStarts = new LongList();
        LongList busyEnds = new LongList();
        int platform = 0;
        int virtual = 0;
        int system = 0;

        Pieces pieces = new Pieces();
        for (int ti = 0; ti < threads.size(); ti++) {
            ThreadInfo t = threads.get(ti);
            boolean app = !t.isSystem();
            if (!app) {
                system++;
            } else if (t.isVirtual()) {
                virtual++;
            } else {
                platform++;
            }
            long lo = t.start();
            long hi = t.end();

            // waits: disjoint pieces, each attributed to the kind of the wait that covered it first
            WaitSpans waits = t.waits();
            pieces.clear();
            IntervalSet.Builder waitUnion = new IntervalSet.Builder();
            long cursor = Long.MIN_VALUE;
            long[] byKind = new long[kinds.size()];
            for (int i = 0; i < waits.size(); i++) {
                int k = kindOf[waits.kind(i)];
                if (app) {
                    kindCount[k]++;
                }
                long s = Math.max(Math.max(waits.start(i), cursor), lo);
                long e = Math.min(waits.end(i), hi);
                cursor = Math.max(cursor, waits.end(i));
                if (e > s) {
                    pieces.add(s, e, k);
                    waitUnion.add(s, e);
                    byKind[k] += e - s;
                }
            }
            IntervalSet waitSet = waitUnion.build();
            long waitTotal = waitSet.length();
            if (app) {
                for (int k = 0; k < byKind.length; k++) {
                    kindTime[k] += byKind[k];
                }
            }

            // workloads: all of them, and those that count as work (phase spans excluded)
            WorkloadSpans w = t.workloads();
            IntervalSet.Builder all = new IntervalSet.Builder();
            IntervalSet.Builder counted = new IntervalSet.Builder();
            int p = 0;
            for (int i = 0; i < w.size(); i++) {
                long s = Math.max(w.start(i), lo);
                long e = Math.min(w.end(i), hi);
                all.add(s, e);
                boolean isPhase = false;
                if (ti == phaseThread) {
                    while (p < phaseCount && phaseStarts[p] < w.start(i)) {
                        p++;
                    }
                    isPhase = p < phaseCount && phaseStarts[p] == w.start(i) && phaseEnds[p] == w.end(i)
                            && phaseMethods[p] == w.method(i);
                }
                if (!isPhase) {
                    counted.add(s, e);
                }
            }
            IntervalSet allWork = all.build();
            IntervalSet countedWork = counted.build();
            long workload = allWork.length() - allWork.intersection(waitSet);
            breakdown[ti] = new ThreadBreakdown(hi - lo, workload, waitTotal, byKind);

            if (app) {
                IntervalSet busy = allWork.minus(waitSet);
                for (int i = 0; i < busy.size(); i++) {
                    busyStarts.add(busy.start(i));
                    busyEnds.add(busy.end(i));
                }
            }
            for (int ph = 0; ph < phaseCount; ph++) {
                long ps = phaseStarts[ph];
                long pe = phaseEnds[ph];
                long worked = countedWork.overlap(ps, pe);
                work[ph] += worked;
                if (worked > 0) {
                    workers[ph]++;
                }
                boolean takesPart = ti == phaseThread || worked > 0 || (t.startSeen() && lo > ps && lo < pe);
                if (app && takesPart) {
                    threadTime[ph] += Math.max(0, Math.min(pe, hi) - Math.max(ps, lo));
                    waiting[ph] += pieces.overlap(ps, pe, phaseWaitByKind[ph]);
                }
            }
        }

        List<Phase> phases = new ArrayList<>(phaseCount);
        Map<String, Integer> seenNames = new HashMap<>();
        for (int ph = 0; ph < phaseCount; ph++) {
            String method = strings.get(phaseMethods[ph]);
            String name = friendlyName(method, ph);
            int seen = seenNames.merge(name, 1, Integer::sum);
            if (seen > 1) {
                name = name + " #" + seen;
            }
            long wall = phaseEnds[ph] - phaseStarts[ph];
            long phaseWork = work[ph] > 0 ? work[ph] : wall;
            Map<String, Long> byKind = new LinkedHashMap<>();
            for (int k = 0; k < kinds.size(); k++) {
                if (phaseWaitByKind[ph][k] > 0) {
                    byKind.put(kinds.get(k), phaseWaitByKind[ph][k]);
                }
            }
            phases.add(new Phase(name, method, phaseStarts[ph], phaseEnds[ph], phaseWork, waiting[ph],
                    threadTime[ph], Math.max(workers[ph], 1), byKind));
        }

        List<WaitTotal> totals = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            totals.add(new WaitTotal(kinds.get(k), kindCount[k], kindTime[k]));
        }
        Concurrency concurrency = concurrency(busyStarts, busyEnds);
        return new Analysis(model, phaseThread, phases, kinds, breakdown, concurrency, totals, platform, virtual,
                system, notes(model), WakeEdges.of(model));
    }

    /** {@code dev.weft.demo.Scenario02Concurrent::run} → {@code Scenario02Concurrent.run}. */
    public static String friendlyName(String method, int index) {
        if (method == null || method.isBlank()) {
            return "phase " + (index + 1);
        }
        int sep = method.indexOf("::");
        String type = sep >= 0 ? method.substring(0, sep) : method;
        String member = sep >= 0 ? method.substring(sep + 2) : null;
        int paren = type.indexOf('(');
        if (member == null && paren < 0) {
            int dot = type.lastIndexOf('.');
            if (dot > 0) {
                member = type.substring(dot + 1);
                type = type.substring(0, dot);
            }
        }
        int dot = type.lastIndexOf('.');
        String simple = dot >= 0 ? type.substring(dot + 1) : type;
        if (member == null || member.isEmpty()) {
            return simple;
        }
        int memberParen = member.indexOf('(');
        if (memberParen > 0) {
            member = member.substring(0, memberParen);
        }
        return simple + "." + member;
    }

    private static List<String> kinds(List<ThreadInfo> threads, StringTable strings, Map<Integer, Integer> index) {
        List<Integer> ids = new ArrayList<>();
        for (ThreadInfo t : threads) {
            WaitSpans w = t.waits();
            for (int i = 0; i < w.size(); i++) {
                int id = w.kind(i);
                if (!index.containsKey(id)) {
                    index.put(id, -1);
                    ids.add(id);
                }
            }
        }
        ids.sort((a, b) -> {
            String x = strings.get(a);
            String y = strings.get(b);
            int ix = KIND_ORDER.indexOf(x);
            int iy = KIND_ORDER.indexOf(y);
            if (ix >= 0 || iy >= 0) {
                return Integer.compare(ix < 0 ? Integer.MAX_VALUE : ix, iy < 0 ? Integer.MAX_VALUE : iy);
            }
            return x.compareTo(y);
        });
        List<String> kinds = new ArrayList<>(ids.size());
        for (int id : ids) {
            index.put(id, kinds.size());
            kinds.add(strings.get(id));
        }
        return kinds;
    }

    /** The thread named main with top-level workload spans, else the one with the most of them. */
    private static int phaseThread(List<ThreadInfo> threads) {
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

    private static Concurrency concurrency(LongList starts, LongList ends) {
        long[] s = starts.toSortedArray();
        long[] e = ends.toSortedArray();
        int n = s.length;
        long busy = 0;
        for (int i = 0; i < n; i++) {
            busy += e[i] - s[i];
        }
        int count = 0;
        int peak = 0;
        long peakAt = 0;
        long any = 0;
        long last = 0;
        int i = 0;
        int j = 0;
        while (i < n || j < n) {
            long t;
            boolean isEnd = j < n && (i >= n || e[j] <= s[i]);
            t = isEnd ? e[j] : s[i];
            if (count > 0) {
                any += t - last;
            }
            if (isEnd) {
                count--;
                j++;
            } else {
                count++;
                i++;
                if (count > peak) {
                    peak = count;
                    peakAt = t;
                }
            }
            last = t;
        }
        return new Concurrency(peak, peakAt, busy, any);
    }

    private static List<String> notes(Model model) {
        List<String> notes = new ArrayList<>();
        boolean agent = model.hasAgentData();
        if (!agent) {
            notes.add("Recorded without the Weft agent: no workload or API-level wait spans. "
                    + "Lanes and waits come from the JDK's own events (thread start/end, sleep, park, monitor).");
        } else {
            if (!model.eventTypes().contains("weft.Workload")) {
                notes.add("No workload spans: name the methods that do the work with the agent's workload= option "
                        + "to see phases, speed-up and parallelism.");
            }
            if (model.agentStatus() == null) {
                notes.add("No agent status event: the agent's health is unknown.");
            }
        }
        boolean lifecycle = model.eventTypes().contains("jdk.ThreadStart") || model.eventTypes().contains("jdk.ThreadEnd")
                || model.eventTypes().contains("weft.ThreadStart");
        if (!lifecycle) {
            notes.add("No thread start/end events: each thread's lifetime runs from its first event to the end "
                    + "of the recording.");
        }
        if (!agent && !model.eventTypes().contains("jdk.ThreadSleep") && !model.eventTypes().contains("jdk.ThreadPark")
                && !model.eventTypes().contains("jdk.JavaMonitorWait")
                && !model.eventTypes().contains("jdk.JavaMonitorEnter")) {
            notes.add("No wait events: record with settings=profile (or enable jdk.ThreadSleep, jdk.ThreadPark, "
                    + "jdk.JavaMonitorWait, jdk.JavaMonitorEnter) or use the Weft agent.");
        }
        notes.addAll(model.warnings());
        return notes;
    }

    /** Disjoint wait pieces of one thread, in time order, each with its kind. */
    private static final class Pieces {
        private long[] starts = new long[16];
        private long[] ends = new long[16];
        private int[] kinds = new int[16];
        private int size;

        void clear() {
            size = 0;
        }

        void add(long s, long e, int kind) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                kinds = Arrays.copyOf(kinds, size * 2);
            }
            starts[size] = s;
            ends[size] = e;
            kinds[size] = kind;
            size++;
        }

        /** Time inside {@code [lo, hi)}, added per kind to {@code byKind}; returns the total. */
        long overlap(long lo, long hi, long[] byKind) {
            int a = 0;
            int b = size;
            while (a < b) {
                int mid = (a + b) >>> 1;
                if (ends[mid] <= lo) {
                    a = mid + 1;
                } else {
                    b = mid;
                }
            }
            long total = 0;
            for (int i = a; i < size && starts[i] < hi; i++) {
                long d = Math.min(hi, ends[i]) - Math.max(lo, starts[i]);
                if (d > 0) {
                    byKind[kinds[i]] += d;
                    total += d;
                }
            }
            return total;
        }
    }

    /** A growable {@code long} array. */
    private static final class LongList {
        private long[] data = new long[64];
        private int size;

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        long[] toSortedArray() {
            long[] out = Arrays.copyOf(data, size);
            Arrays.sort(out);
            return out;
        }
    }
}
