package dev.weft.boot;

import dev.weft.reports.read.WeftSchema.Wait;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One wait at the API the application called (the outermost call when waits nest: a
 * {@code Future.get} that parks is one span of kind {@code future}, not a future and a park).
 */
@Name(Wait.NAME)
@Label("Wait")
@Category({"Weft", "Wait"})
@Description("A thread waited in a blocking API call: sleep, join, latch, monitor wait, park, I/O …")
@StackTrace(false)
public final class WaitEvent extends Event {

    @Label("Kind")
    @Description("What kind of wait: sleep, join, latch, monitor, park, io, process, idle …")
    @Name(Wait.KIND)
    public String kind;

    @Label("API")
    @Description("The blocking method the application called, e.g. CountDownLatch.await")
    @Name(Wait.API)
    public String api;

    @Label("Blocker Class")
    @Description("Class of the object waited on (latch, lock, monitor, thread …)")
    @Name(Wait.BLOCKER_CLASS)
    public Class<?> blockerClass;

    @Label("Blocker Identity")
    @Description("Identity hash of the object waited on, to match a wait with the action that ended it")
    @Name(Wait.BLOCKER_ID)
    public int blockerId;

    @Label("Target Thread")
    @Description("For join: the thread waited for")
    @Name(Wait.TARGET_THREAD)
    public Thread targetThread;

    @Label("Timed")
    @Description("Whether the call had a timeout")
    @Name(Wait.TIMED)
    public boolean timed;

    @Label("Detail")
    @Description("What was waited for, where it is cheap to tell: the remote address, the process id")
    @Name(Wait.DETAIL)
    public String detail;
}
