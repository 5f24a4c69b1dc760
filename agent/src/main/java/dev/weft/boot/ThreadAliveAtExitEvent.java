package dev.weft.boot;

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
@Name("weft.ThreadAliveAtExit")
@Label("Thread Alive At Exit")
@Category({"Weft", "Thread"})
@Description("A thread still alive when the JVM began to shut down, and what it was doing")
@StackTrace(false)
public final class ThreadAliveAtExitEvent extends Event {

    @Label("Thread")
    public Thread thread;

    @Label("Thread Id")
    public long threadId;

    @Label("Thread Name")
    public String threadName;

    @Label("Virtual")
    public boolean virtual;

    @Label("Daemon")
    public boolean daemon;

    @Label("State")
    public String state;

    @Label("Activity")
    @Description("Top application frames of the thread when shutdown began")
    public String activity;
}
