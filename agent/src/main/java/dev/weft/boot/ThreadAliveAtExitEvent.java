package dev.weft.boot;

import dev.weft.reports.read.WeftSchema.ThreadAliveAtExit;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A thread was still running when the JVM began to shut down: its work is cut short.
 * In Go's words, the program exited without waiting for it.
 */
@Name(ThreadAliveAtExit.NAME)
@Label("Thread Alive At Exit")
@Category({"Weft", "Thread"})
@Description("A thread still alive when the JVM began to shut down, and what it was doing")
@StackTrace(false)
public final class ThreadAliveAtExitEvent extends Event {

    @Label("Thread")
    @Name(ThreadAliveAtExit.THREAD)
    public Thread thread;

    @Label("Thread Id")
    @Name(ThreadAliveAtExit.THREAD_ID)
    public long threadId;

    @Label("Thread Name")
    @Name(ThreadAliveAtExit.THREAD_NAME)
    public String threadName;

    @Label("Virtual")
    @Name(ThreadAliveAtExit.VIRTUAL)
    public boolean virtual;

    @Label("Daemon")
    @Name(ThreadAliveAtExit.DAEMON)
    public boolean daemon;

    @Label("State")
    @Name(ThreadAliveAtExit.STATE)
    public String state;

    @Label("Activity")
    @Description("Top application frames of the thread when shutdown began")
    @Name(ThreadAliveAtExit.ACTIVITY)
    public String activity;
}
