package dev.weft.boot;

import dev.weft.reports.read.WeftSchema.VirtualThreadBlocked;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JDK 24+: a virtual thread unmounted to wait for a monitor, until it was released to retry. The JVM
 * emits no {@code jdk.JavaMonitorEnter} for it. Begun and committed on carriers: the event thread is a
 * carrier, the thread that waited is {@link #virtualThread}.
 */
@Name(VirtualThreadBlocked.NAME)
@Label("Virtual Thread Blocked")
@Category({"Weft", "Thread"})
@Description("A virtual thread unmounted to wait for a monitor, until it was released to retry")
@StackTrace(false)
public final class VirtualBlockedEvent extends Event {

    @Label("Virtual Thread")
    @Name(VirtualThreadBlocked.VIRTUAL_THREAD)
    public Thread virtualThread;
}
