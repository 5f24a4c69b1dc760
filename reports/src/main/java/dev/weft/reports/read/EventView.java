package dev.weft.reports.read;

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

    /** A thread field, {@code null} when absent or unknown. */
    ThreadRef thread(int field);

    /** The name of a class field, {@code null} when absent. */
    String className(int field);

    /** The top frames of the event's stack trace as text ({@link StackText}), {@code null} when none. */
    String stack();

    /** A thread as JFR records it: one object per thread per chunk, so it may serve as a cache key. */
    interface ThreadRef {

        /** {@code Thread.threadId()}, {@code -1} when not a Java thread. */
        long javaThreadId();

        String javaName();

        boolean isVirtual();
    }
}
