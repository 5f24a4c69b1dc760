package dev.weft.reports.read;

import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.ThreadInfo;

/**
 * One event as {@link EventMapper} reads it, whichever parser decoded it: fields are asked for by
 * their {@link EventFields} number. A field the event type lacks, or of another type than asked for,
 * reads as absent ({@code null}, the fallback, {@code false}).
 */
interface EventView {

    /** Start, epoch nanoseconds. */
    long start();

    /** End, epoch nanoseconds ({@link #start()} for an instant event). */
    long end();

    boolean has(int field);

    String string(int field);

    long number(int field, long fallback);

    boolean bool(int field);

    /**
     * A timestamp field in JFR's ticks ({@code @Timestamp(TICKS)}) as epoch nanoseconds, converted as the
     * event's own start is; {@link Long#MIN_VALUE} when absent or 0 (a time its writer could not know).
     */
    long timestamp(int field);

    /** A thread field, {@code null} when absent or unknown. */
    ThreadRef thread(int field);

    /** The name of a class field, {@code null} when absent. */
    String className(int field);

    /** The top frames of the event's stack trace as text ({@link StackText}), {@code null} when none. */
    String stack();

    /**
     * The frames of the event's stack trace from the first one outside the JDK ({@code java.}, {@code jdk.},
     * {@code sun.}), all of them when every frame is the JDK's: where a virtual thread was pinned.
     */
    String pinStack();

    /**
     * A thread as JFR records it: one object per thread constant of a chunk, which remembers the model's
     * thread it stands for once the mapper has looked it up (no map from thread objects needed).
     */
    final class ThreadRef {

        private final long javaThreadId;
        private final String javaName;
        private final boolean virtual;
        private final String group;
        /** The model's thread, as {@link ModelBuilder#generation} {@link #mappedAt} found it. */
        ThreadInfo model;
        /** The model's generation when {@link #model} was looked up; 0: not yet. */
        int mappedAt;

        ThreadRef(long javaThreadId, String javaName, boolean virtual, String group) {
            // as the JDK's RecordedThread: id 0 is no Java thread
            this.javaThreadId = javaThreadId == 0 ? -1 : javaThreadId;
            this.javaName = javaName;
            this.virtual = virtual;
            this.group = group;
        }

        /** {@code Thread.threadId()}, {@code -1} when not a Java thread. */
        long javaThreadId() {
            return javaThreadId;
        }

        String javaName() {
            return javaName;
        }

        boolean isVirtual() {
            return virtual;
        }

        /** The name of the thread's group, {@code null} when none was recorded. */
        String group() {
            return group;
        }
    }
}
