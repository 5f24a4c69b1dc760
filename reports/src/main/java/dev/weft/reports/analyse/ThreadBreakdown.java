package dev.weft.reports.analyse;

/**
 * Where one thread's lifetime went, without overlap: running (in workload, not waiting), blocked (by
 * kind), idle (a pool worker waiting for its next task) or other (alive but none of these). A wait
 * inside a workload counts as blocked or idle. The parts sum to the lifetime.
 */
public final class ThreadBreakdown {

    private final long lifetime;
    private final long workload;
    private final long waiting;
    private final long idle;
    private final long[] waitByKind;

    ThreadBreakdown(long lifetime, long workload, long waiting, long idle, long[] waitByKind) {
        this.lifetime = lifetime;
        this.workload = workload;
        this.waiting = waiting;
        this.idle = idle;
        this.waitByKind = waitByKind;
    }

    public long lifetime() {
        return lifetime;
    }

    /** Running: in workload and not waiting. */
    public long workload() {
        return workload;
    }

    /** Blocked, idle not counted. */
    public long waiting() {
        return waiting;
    }

    /** Idle: waiting for the next task. */
    public long idle() {
        return idle;
    }

    /** Time in waits of the kind at position {@code kind} of {@link Analysis#kinds()} (idle has its own kind). */
    public long waiting(int kind) {
        return kind < waitByKind.length ? waitByKind[kind] : 0;
    }

    public long other() {
        return lifetime - workload - waiting - idle;
    }
}
