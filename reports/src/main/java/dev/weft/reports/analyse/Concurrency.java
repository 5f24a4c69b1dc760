package dev.weft.reports.analyse;

/**
 * How many application threads were in workload (and not waiting) at once.
 *
 * @param peak        the most threads in workload at the same instant
 * @param peakAt      when the peak was first reached, epoch nanoseconds ({@code 0} if never)
 * @param busyTime    thread time in workload, summed over threads, nanoseconds
 * @param anyBusyTime time during which at least one thread was in workload, nanoseconds
 */
public record Concurrency(int peak, long peakAt, long busyTime, long anyBusyTime) {

    /** Average threads in workload while at least one was: {@code busyTime / anyBusyTime}. */
    public double average() {
        return anyBusyTime <= 0 ? 0.0 : (double) busyTime / anyBusyTime;
    }
}
