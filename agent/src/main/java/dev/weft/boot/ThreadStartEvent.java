package dev.weft.boot;

import dev.weft.reports.read.WeftSchema.ThreadStart;

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
@Name(ThreadStart.NAME)
@Label("Thread Start")
@Category({"Weft", "Thread"})
@Description("The event thread started another thread (platform or virtual)")
@StackTrace(false)
public final class ThreadStartEvent extends Event {

    @Label("Started Thread")
    @Name(ThreadStart.STARTED_THREAD)
    public Thread startedThread;

    @Label("Started Thread Id")
    @Description("Thread.threadId() of the started thread")
    @Name(ThreadStart.STARTED_THREAD_ID)
    public long startedThreadId;

    @Label("Started Thread Name")
    @Name(ThreadStart.STARTED_THREAD_NAME)
    public String startedThreadName;

    @Label("Virtual")
    @Name(ThreadStart.VIRTUAL)
    public boolean virtual;

    @Label("Daemon")
    @Name(ThreadStart.DAEMON)
    public boolean daemon;

    @Label("Thread Class")
    @Name(ThreadStart.THREAD_CLASS)
    public Class<?> threadClass;

    @Label("JDK Thread")
    @Description("One of the JDK's own threads (carrier, poller, cleaner, reaper …), recognised by class, group or origin")
    @Name(ThreadStart.SYSTEM)
    public boolean system;
}
