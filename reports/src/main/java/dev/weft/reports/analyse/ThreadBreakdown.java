package dev.weft.reports.analyse;

/**
 * Where one thread's lifetime went, without overlap: running (in workload, not waiting), blocked (by
 * kind), idle (a pool worker waiting for its next task) or other (alive but none of these). A wait
 * inside a workload counts as blocked or idle. The parts sum to the lifetime.
 *
 * @param workload running: in workload and not waiting
 * @param waiting blocked, idle not counted
 * @param idle waiting for the next task
 */
public record ThreadBreakdown(long lifetime, long workload, long waiting, long idle, long[] waitByKind) {

    /** The time by kind, a copy: see {@link #waiting(int)}. */
    @Override
    public long[] waitByKind() {
        return waitByKind.clone();
    }

    /** Time in waits of the kind at position {@code kind} of {@link Analysis#kinds()} (idle has its own kind). */
    public long waiting(int kind) {
        return kind < waitByKind.length ? waitByKind[kind] : 0;
    }

    public long other() {
        return lifetime - workload - waiting - idle;
    }
}
