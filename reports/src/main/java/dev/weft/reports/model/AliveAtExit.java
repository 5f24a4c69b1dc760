package dev.weft.reports.model;

/**
 * A thread still running when the JVM began to shut down (from {@code weft.ThreadAliveAtExit}):
 * its work was cut short.
 *
 * @param threadId the thread's {@code Thread.threadId()}
 * @param name     its name, may be empty
 * @param virtual  whether it is a virtual thread
 * @param daemon   whether it is a daemon thread
 * @param state    its {@code Thread.State} when shutdown began, may be {@code null}
 * @param activity its top application frames, may be {@code null}
 * @param time     when it was seen, epoch nanoseconds
 */
public record AliveAtExit(long threadId, String name, boolean virtual, boolean daemon, String state,
                          String activity, long time) {
}
