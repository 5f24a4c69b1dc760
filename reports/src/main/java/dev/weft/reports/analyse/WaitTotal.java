package dev.weft.reports.analyse;

/**
 * Waiting of one kind over the application threads of the recording.
 *
 * @param kind  sleep, join, latch, park, monitor-enter …
 * @param count wait spans of this kind
 * @param time  summed time, without overlap per thread, nanoseconds
 */
public record WaitTotal(String kind, long count, long time) {
}
