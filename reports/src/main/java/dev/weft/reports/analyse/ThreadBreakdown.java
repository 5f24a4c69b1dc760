package dev.weft.reports.analyse;

/**
 * Where one thread's lifetime went, without overlap: in workload, waiting (by kind) or other
 * (alive but neither). A wait inside a workload counts as waiting. The parts sum to the lifetime.
 */
public final class ThreadBreakdown {

    private final long lifetime;
    private final long workload;
    private final long waiting;
    private final long[] waitByKind;

    ThreadBreakdown(long lifetime, long workload, long waiting, long[] waitByKind) {
        this.lifetime = lifetime;
        this.workload = workload;
        this.waiting = waiting;
        this.waitByKind = waitByKind;
    }

    public long lifetime() {
        return lifetime;
    }

    public long workload() {
        return workload;
    }

    public long waiting() {
        return waiting;
    }

    /** Waiting of the kind at position {@code kind} of {@link Analysis#kinds()}. */
    public long waiting(int kind) {
        return kind < waitByKind.length ? waitByKind[kind] : 0;
    }

    public long other() {
        return lifetime - workload - waiting;
    }
}
