package dev.weft.boot;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A thread was started, by the event thread. The JVM's {@code jdk.ThreadStart} names the
 * parent of platform threads only; this one covers virtual threads too.
 */
@Name("weft.ThreadStart")
@Label("Thread Start")
@Category({"Weft", "Thread"})
@Description("The event thread started another thread (platform or virtual)")
@StackTrace(false)
public final class ThreadStartEvent extends Event {

    @Label("Started Thread")
    public Thread startedThread;

    @Label("Started Thread Id")
    @Description("Thread.threadId() of the started thread")
    public long startedThreadId;

    @Label("Started Thread Name")
    public String startedThreadName;

    @Label("Virtual")
    public boolean virtual;

    @Label("Daemon")
    public boolean daemon;

    @Label("Thread Class")
    public Class<?> threadClass;

    @Label("JDK Thread")
    @Description("One of the JDK's own threads (carrier, poller, cleaner, reaper …), recognised by class, group or origin")
    public boolean system;
}
