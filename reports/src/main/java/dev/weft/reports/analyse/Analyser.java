package dev.weft.reports.analyse;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.StringTable;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitKinds;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.model.WorkloadSpans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the {@link Analysis} of a {@link Model}, in one vocabulary on every surface:
 *
 * <ul>
 * <li><b>In flight</b>: threads inside workload spans, blocked or not (the Go lesson's "concurrent");
 *     <b>running</b>: in workload and not waiting (parallelism); <b>blocked</b>: in a wait, by kind;
 *     <b>idle</b>: a pool worker waiting for its next task — never summed into blocked.</li>
 * <li><b>Phase</b>: see {@link PhaseFinder}; phases of one method form a {@link PhaseGroup}.</li>
 * <li>A phase's <b>in flight</b> and <b>running</b> time: over all threads, each one's workload
 *     spans (phase spans excluded) clipped to the phase, and the part of them not waiting; their
 *     averages divide by the wall time, their peaks count threads at once.</li>
 * <li><b>Blocked</b> and <b>idle</b> of a phase: wait time clipped to the phase of the application
 *     threads taking part in it (the phase's thread, threads with workload in it, threads the phase's
 *     thread started in it);
 *     <b>blocked share</b> = blocked / time those threads were alive in the phase.</li>
 * <li><b>Breakdown</b> of a thread, without overlap: running, blocked by kind, idle, other.</li>
 * </ul>
 * Application threads are all threads but the JDK's and the tools' own ({@link ThreadInfo#isSystem()}).
 */
public final class Analyser {

    private Analyser() {
    }

    public static Analysis analyse(Model model) {
        return analyse(model, PhaseFilter.parse(null));
    }

    /** The analysis with the phases {@code filter} picks (the default phases when it is empty). */
    public static Analysis analyse(Model model, PhaseFilter filter) {
        List<ThreadInfo> threads = model.threads();
        StringTable strings = model.strings();
        if (filter.isEmpty() && model.agentStatus() != null && model.agentStatus().phaseFilter() != null) {
            filter = PhaseFilter.parse(model.agentStatus().phaseFilter());
        }

        // wait kinds present, in a stable display order
        Map<Integer, Integer> kindIndex = new HashMap<>();
        List<String> kinds = kinds(threads, strings, kindIndex);
        int[] kindOf = new int[strings.size()];
        Arrays.fill(kindOf, -1);
        kindIndex.forEach((id, k) -> kindOf[id] = k);
        boolean[] idleKind = new boolean[kinds.size()];
        for (int k = 0; k < kinds.size(); k++) {
            idleKind[k] = WaitKinds.isIdle(kinds.get(k));
        }

        PhaseFinder phaseSpans = PhaseFinder.find(threads, strings, filter);
        int phaseCount = phaseSpans.size();
        long[] inFlight = new long[phaseCount];
        long[] running = new long[phaseCount];
        long[] blocked = new long[phaseCount];
        long[] idle = new long[phaseCount];
        long[] threadTime = new long[phaseCount];
        long[] ownWait = new long[phaseCount];
        int[] workers = new int[phaseCount];
        // one row of kinds a phase, in one array: a program with a phase per task has 100,000 of them
        int kindsPerPhase = kinds.size();
        long[] phaseWaitByKind = new long[Math.toIntExact((long) phaseCount * kindsPerPhase)];

        ThreadBreakdown[] breakdown = new ThreadBreakdown[threads.size()];
        long[] kindCount = new long[kinds.size()];
        long[] kindTime = new long[kinds.size()];
        Occupancy.Builder inFlightAll = new Occupancy.Builder();
        Occupancy.Builder runningAll = new Occupancy.Builder();
        int platform = 0;
        int virtual = 0;
        int system = 0;

        Pieces pieces = new Pieces();
        PhaseIndex phaseIndex = new PhaseIndex(phaseSpans, threads.size());
        Candidates candidates = new Candidates(phaseCount);
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
            long idleTotal = 0;
            for (int k = 0; k < byKind.length; k++) {
                if (idleKind[k]) {
                    idleTotal += byKind[k];
                }
                if (app) {
                    kindTime[k] += byKind[k];
                }
            }

            // workloads: all of them, and those in flight (phase spans excluded)
            WorkloadSpans w = t.workloads();
            IntervalSet.Builder all = new IntervalSet.Builder();
            IntervalSet.Builder counted = new IntervalSet.Builder();
            for (int i = 0; i < w.size(); i++) {
                long s = Math.max(w.start(i), lo);
                long e = Math.min(w.end(i), hi);
                all.add(s, e);
                if (!phaseSpans.isPhase(ti, w.start(i), w.end(i), w.method(i))) {
                    counted.add(s, e);
                }
            }
            IntervalSet allWork = all.build();
            IntervalSet countedWork = counted.build();
            IntervalSet countedRunning = countedWork.minus(waitSet);
            long workload = allWork.length() - allWork.intersection(waitSet);
            breakdown[ti] = new ThreadBreakdown(hi - lo, workload, waitSet.length() - idleTotal, idleTotal, byKind);

            if (app) {
                inFlightAll.add(countedWork);
                runningAll.add(countedRunning);
            }
            // only the phases this thread can take part in: its own, those its counted work overlaps, and
            // those of the thread that started it, open when it started; every other phase gains nothing here
            int parent = t.parentId() < 0 ? -1 : model.indexOf(t.parentId());
            candidates.next();
            phaseIndex.ofThread(ti, candidates);
            if (countedWork.size() > 0) {
                phaseIndex.overlapping(countedWork.start(0), countedWork.end(countedWork.size() - 1), candidates);
            }
            if (t.startSeen()) {
                phaseIndex.ofThreadOpenAt(parent, lo, candidates);
            }
            for (int c = 0; c < candidates.size; c++) {
                int ph = candidates.list[c];
                long ps = phaseSpans.start(ph);
                long pe = phaseSpans.end(ph);
                long flying = countedWork.overlap(ps, pe);
                inFlight[ph] += flying;
                running[ph] += countedRunning.overlap(ps, pe);
                if (flying > 0) {
                    workers[ph]++;
                }
                boolean takesPart = ti == phaseSpans.thread(ph) || flying > 0
                        || (t.startSeen() && lo > ps && lo < pe && parent == phaseSpans.thread(ph));
                if (app && takesPart) {
                    threadTime[ph] += Math.max(0, Math.min(pe, hi) - Math.max(ps, lo));
                    long waited = pieces.overlap(ps, pe, phaseWaitByKind, ph * kindsPerPhase);
                    if (ti == phaseSpans.thread(ph)) {
                        ownWait[ph] = waited;
                    }
                }
            }
        }
        Occupancy flying = inFlightAll.build();
        Occupancy runs = runningAll.build();

        List<Phase> phases = new ArrayList<>(phaseCount);
        Map<String, String> friendly = new HashMap<>(); // a method called per task has one name, made once
        for (int ph = 0; ph < phaseCount; ph++) {
            String method = strings.get(phaseSpans.method(ph));
            String name = method == null || method.isBlank() ? friendlyName(method, ph) : friendly.get(method);
            if (name == null) {
                name = friendlyName(method, ph);
                friendly.put(method, name);
            }
            long ps = phaseSpans.start(ph);
            long pe = phaseSpans.end(ph);
            long wall = pe - ps;
            Map<String, Long> byKind = new LinkedHashMap<>();
            for (int k = 0; k < kinds.size(); k++) {
                long v = phaseWaitByKind[ph * kindsPerPhase + k];
                if (idleKind[k]) {
                    idle[ph] += v;
                } else if (v > 0) {
                    blocked[ph] += v;
                    byKind.put(kinds.get(k), v);
                }
            }
            // a phase with no workload inside (a request handler) is its own work: its thread's time in it
            boolean empty = inFlight[ph] == 0;
            long ownRunning = Math.max(0, wall - ownWait[ph]);
            phases.add(new Phase(name, method, ps, pe, empty ? wall : inFlight[ph],
                    empty ? ownRunning : running[ph], blocked[ph], idle[ph], threadTime[ph], Math.max(workers[ph], 1),
                    empty ? 1 : flying.peak(ps, pe), empty ? (ownRunning > 0 ? 1 : 0) : runs.peak(ps, pe), byKind));
        }

        List<WaitTotal> totals = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            totals.add(new WaitTotal(kinds.get(k), kindCount[k], kindTime[k]));
        }
        Concurrency concurrency = new Concurrency(level(runs), level(flying));
        List<String> notes = notes(model);
        notes.addAll(0, filter.problems());
        return new Analysis(model, phaseSpans.phaseThread(), phases, kinds, breakdown, concurrency, totals,
                platform, virtual, system, notes, WakeEdges.of(model));
    }

    private static Concurrency.Level level(Occupancy o) {
        return new Concurrency.Level(o.peak(), o.peakAt(), o.total(), o.anyTime());
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
        boolean[] seen = new boolean[strings.size()];
        for (ThreadInfo t : threads) {
            WaitSpans w = t.waits();
            for (int i = 0; i < w.size(); i++) {
                int id = w.kind(i);
                if (id >= 0 && id < seen.length) {
                    if (seen[id]) {
                        continue; // a flag per string, not a boxed lookup per wait
                    }
                    seen[id] = true;
                }
                if (!index.containsKey(id)) {
                    index.put(id, -1);
                    ids.add(id);
                }
            }
        }
        ids.sort((a, b) -> {
            String x = strings.get(a);
            String y = strings.get(b);
            int order = Integer.compare(WaitKinds.order(x), WaitKinds.order(y));
            return order != 0 ? order : x.compareTo(y);
        });
        List<String> kinds = new ArrayList<>(ids.size());
        for (int id : ids) {
            index.put(id, kinds.size());
            kinds.add(strings.get(id));
        }
        return kinds;
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
    /** Phases found for one thread, each once. */
    private static final class Candidates implements PhaseIndex.Visit {
        private final int[] seen;
        private int stamp;
        int[] list = new int[16];
        int size;

        Candidates(int phases) {
            seen = new int[phases];
        }

        /** Empty, for the next thread. */
        void next() {
            stamp++;
            size = 0;
        }

        @Override
        public void phase(int ph) {
            if (seen[ph] == stamp) {
                return;
            }
            seen[ph] = stamp;
            if (size == list.length) {
                list = Arrays.copyOf(list, size * 2);
            }
            list[size++] = ph;
        }
    }

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

        /** Time inside {@code [lo, hi)}, added per kind to {@code byKind} from {@code at} on; returns the total. */
        long overlap(long lo, long hi, long[] byKind, int at) {
            long total = 0;
            for (int i = Sorted.firstAbove(ends, 0, size, lo); i < size && starts[i] < hi; i++) {
                long d = Math.min(hi, ends[i]) - Math.max(lo, starts[i]);
                if (d > 0) {
                    byKind[at + kinds[i]] += d;
                    total += d;
                }
            }
            return total;
        }
    }

}
