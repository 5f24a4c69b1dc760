package dev.weft.boot;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JDK 24+: a virtual thread unmounted to wait for a monitor, or may now run again to retry. Committed
 * on the carrier (the JVM emits no {@code jdk.JavaMonitorEnter} for it); the report pairs the two.
 */
@Name("weft.VirtualThreadBlocked")
@Label("Virtual Thread Blocked")
@Category({"Weft", "Thread"})
@Description("A virtual thread unmounted to wait for a monitor (resumed false), or was released to retry (resumed true)")
@StackTrace(false)
public final class VirtualBlockedEvent extends Event {

    @Label("Virtual Thread")
    public Thread virtualThread;

    @Label("Resumed")
    public boolean resumed;
}
