package dev.weft.boot;

import dev.weft.reports.read.WeftSchema.Wake;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The event thread did something that released another thread from a wait. */
@Name(Wake.NAME)
@Label("Wake")
@Category({"Weft", "Wake"})
@Description("The event thread released a waiting thread: unpark, countDown to zero, thread end …")
@StackTrace(false)
public final class WakeEvent extends Event {

    @Label("Woken Thread")
    @Description("The thread released, when known")
    @Name(Wake.WOKEN_THREAD)
    public Thread wokenThread;

    @Label("Blocker Identity")
    @Description("Identity hash of the object whose state change released waiters (0 if none)")
    @Name(Wake.BLOCKER_ID)
    public int blockerId;

    @Label("How")
    @Description("unpark, countDown, threadEnd, notify, …")
    @Name(Wake.HOW)
    public String how;
}
