package dev.weft.reports.analyse;

/**
 * How many application threads were at once <b>in flight</b> (inside workload spans, blocked or not:
 * the Go lesson's "concurrent") and <b>running</b> (in workload and neither blocked nor idle).
 *
 * @param running  threads in workload and not waiting
 * @param inFlight threads inside workload spans
 */
public record Concurrency(Level running, Level inFlight) {

    /**
     * One level.
     *
     * @param peak    the most threads at the same instant
     * @param peakAt  when the peak was first reached, epoch nanoseconds ({@code 0} if never)
     * @param time    thread time at this level, summed over threads, nanoseconds
     * @param anyTime time during which at least one thread was, nanoseconds
     */
    public record Level(int peak, long peakAt, long time, long anyTime) {

        /** Average threads while at least one was: {@code time / anyTime}. */
        public double average() {
            return anyTime <= 0 ? 0.0 : (double) time / anyTime;
        }
    }

    /** Peak threads running at once. */
    public int peak() {
        return running.peak();
    }

    /** Average threads running while any was. */
    public double average() {
        return running.average();
    }
}
