package dev.weft.reports.diff;

/**
 * One thread, or one group of threads (a pool, the virtual threads), in both recordings, matched by name.
 *
 * @param name   the thread's name, or the group's ({@code pool-1-thread-N}, {@code virtual threads})
 * @param group  whether this is a group of threads
 * @param before its figures in the first recording ({@link Figures.OfLane#NONE} when absent)
 * @param after  its figures in the second recording ({@link Figures.OfLane#NONE} when absent)
 */
public record LaneChange(String name, boolean group, Figures.OfLane before, Figures.OfLane after) {

    /**
     * How much changed, in nanoseconds: the running, blocked, idle and other time moved, each taken
     * without sign and summed. The diff lists the biggest change first.
     */
    public long change() {
        return Math.abs(after.running() - before.running()) + Math.abs(after.waiting() - before.waiting())
                + Math.abs(after.idle() - before.idle()) + Math.abs(after.other() - before.other());
    }
}
