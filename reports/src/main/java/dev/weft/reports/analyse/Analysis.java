package dev.weft.reports.analyse;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ThreadInfo;

import java.util.List;

/** The analysed recording: the model plus phases, per-thread breakdown and parallelism. */
public final class Analysis {

    private final Model model;
    private final int phaseThread;
    private final List<Phase> phases;
    private final List<String> kinds;
    private final ThreadBreakdown[] breakdown;
    private final Concurrency concurrency;
    private final List<WaitTotal> waitTotals;
    private final int platformThreads;
    private final int virtualThreads;
    private final int systemThreads;
    private final List<String> notes;
    private final WakeEdges wakeEdges;
    private final CriticalPath criticalPath;

    Analysis(Model model, int phaseThread, List<Phase> phases, List<String> kinds, ThreadBreakdown[] breakdown,
             Concurrency concurrency, List<WaitTotal> waitTotals, int platformThreads, int virtualThreads,
             int systemThreads, List<String> notes, WakeEdges wakeEdges) {
        this.model = model;
        this.phaseThread = phaseThread;
        this.phases = List.copyOf(phases);
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
