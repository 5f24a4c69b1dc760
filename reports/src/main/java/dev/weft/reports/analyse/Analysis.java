package dev.weft.reports.analyse;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ThreadInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The analysed recording: the model plus phases, per-thread breakdown and parallelism. */
public final class Analysis {

    private final Model model;
    private final int phaseThread;
    private final List<Phase> phases;
    private final List<PhaseGroup> phaseGroups;
    private final List<String> kinds;
    private final ThreadBreakdown[] breakdown;
    private final Concurrency concurrency;
    private final List<WaitTotal> waitTotals;
    private final int platformThreads;
    private final int virtualThreads;
    private final int systemThreads;
    private final List<String> notes;
    private final int[] groupOf;
    private final WakeEdges wakeEdges;
    private final CriticalPath criticalPath;

    Analysis(Model model, int phaseThread, List<Phase> phases, List<String> kinds, ThreadBreakdown[] breakdown,
             Concurrency concurrency, List<WaitTotal> waitTotals, int platformThreads, int virtualThreads,
             int systemThreads, List<String> notes, WakeEdges wakeEdges) {
        this.model = model;
        this.phaseThread = phaseThread;
        this.phases = List.copyOf(phases);
        Map<String, Integer> groupOfMethod = new HashMap<>();
        List<List<Phase>> members = new ArrayList<>();
        this.groupOf = new int[phases.size()];
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            String method = p.method() == null ? p.name() : p.method();
            Integer known = groupOfMethod.get(method);
            int g = known == null ? members.size() : known;
            if (known == null) {
                groupOfMethod.put(method, g);
                members.add(new ArrayList<>());
            }
            members.get(g).add(p);
            groupOf[i] = g;
        }
        List<PhaseGroup> groups = new ArrayList<>();
        members.forEach(list -> groups.add(new PhaseGroup(list)));
        this.phaseGroups = List.copyOf(groups);
        this.kinds = List.copyOf(kinds);
        this.breakdown = breakdown;
        this.concurrency = concurrency;
        this.waitTotals = List.copyOf(waitTotals);
        this.platformThreads = platformThreads;
        this.virtualThreads = virtualThreads;
        this.systemThreads = systemThreads;
        this.notes = List.copyOf(notes);
        this.wakeEdges = wakeEdges;
        this.criticalPath = CriticalPath.of(model, phaseThread, wakeEdges);
    }

    public Model model() {
        return model;
    }

    /** Position in {@code model().threads()} of the thread whose top-level workload spans are the phases, or -1. */
    public int phaseThreadIndex() {
        return phaseThread;
    }

    public ThreadInfo phaseThread() {
        return phaseThread < 0 ? null : model.threads().get(phaseThread);
    }

    public List<Phase> phases() {
        return phases;
    }

    /** The position in {@link #phaseGroups()} of the group of the phase at {@code phase} in {@link #phases()}. */
    public int phaseGroupOf(int phase) {
        return groupOf[phase];
    }

    /** The phases grouped by method, in the order of each group's first phase. */
    public List<PhaseGroup> phaseGroups() {
        return phaseGroups;
    }

    /** The groups with the most wall time first: what a one-line summary names. */
    public List<PhaseGroup> biggestPhaseGroups() {
        List<PhaseGroup> sorted = new ArrayList<>(phaseGroups);
        sorted.sort((a, b) -> Long.compare(b.wall(), a.wall()));
        return sorted;
    }

    /** Idle time over the application threads (pool workers waiting for a task): never part of waiting. */
    public long idleTotal() {
        long t = 0;
        for (WaitTotal w : waitTotals) {
            if (dev.weft.reports.model.WaitKinds.isIdle(w.kind())) {
                t += w.time();
            }
        }
        return t;
    }

    /** Blocked time over the application threads, by kind: every wait total but idle. */
    public List<WaitTotal> blockedTotals() {
        List<WaitTotal> blocked = new ArrayList<>();
        for (WaitTotal w : waitTotals) {
            if (!dev.weft.reports.model.WaitKinds.isIdle(w.kind())) {
                blocked.add(w);
            }
        }
        return blocked;
    }

    /** The wait kinds present, in display order. */
    public List<String> kinds() {
        return kinds;
    }

    /** The breakdown of the thread at {@code index} in {@code model().threads()}. */
    public ThreadBreakdown breakdown(int index) {
        return breakdown[index];
    }

    public Concurrency concurrency() {
        return concurrency;
    }

    /** Waiting by kind over the application threads, in the order of {@link #kinds()}. */
    public List<WaitTotal> waitTotals() {
        return waitTotals;
    }

    /** Application platform threads (JDK-internal threads not counted). */
    public int platformThreads() {
        return platformThreads;
    }

    /** Application virtual threads. */
    public int virtualThreads() {
        return virtualThreads;
    }

    /** JDK-internal and tool threads (hidden by default in the timeline). */
    public int systemThreads() {
        return systemThreads;
    }

    /** Who ended each wait: see {@link WakeEdges} for the matching rules. */
    public WakeEdges wakeEdges() {
        return wakeEdges;
    }

    /** The chain of work and wake edges that determined the wall time: see {@link CriticalPath}. */
    public CriticalPath criticalPath() {
        return criticalPath;
    }

    /** What is missing from the recording and what that means for the report. */
    public List<String> notes() {
        return notes;
    }
}
