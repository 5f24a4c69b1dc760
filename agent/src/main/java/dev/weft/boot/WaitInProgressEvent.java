package dev.weft.boot;

import dev.weft.reports.read.WeftSchema.WaitInProgress;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timestamp;

/**
 * A wait still in progress when {@link WaitSampleEvent} number {@link #sample} was taken: a
 * {@code weft.Wait} is committed only when it ends, and a live view needs who is blocked now.
 * Committed on JFR's periodic thread; {@link #thread} is the waiting one.
 */
@Name(WaitInProgress.NAME)
@Label("Wait In Progress")
@Category({"Weft", "Wait Sample"})
@Description("A thread blocked at the moment of a wait sample: since when, and on what")
@StackTrace(false)
public final class WaitInProgressEvent extends Event {

    @Label("Sample")
    @Description("The weft.WaitSample this wait was seen in")
    @Name(WaitInProgress.SAMPLE)
    public long sample;

    @Label("Thread")
    @Description("The waiting thread, when the sample holds it (not for a monitor found through the JVM's thread list)")
    @Name(WaitInProgress.THREAD)
    public Thread thread;

    @Label("Thread Id")
    @Description("Thread.threadId() of the waiting thread")
    @Name(WaitInProgress.THREAD_ID)
    public long threadId;

    @Label("Thread Name")
    @Name(WaitInProgress.THREAD_NAME)
    public String threadName;

    @Label("Kind")
    @Description("sleep, join, latch, lock, monitor-enter, queue, park, …")
    @Name(WaitInProgress.KIND)
    public String kind;

    @Label("API")
    @Name(WaitInProgress.API)
    public String api;

    @Label("Blocker Class")
    @Description("Class of the object waited on")
    @Name(WaitInProgress.BLOCKER_CLASS)
    public String blockerClass;

    @Label("Blocker Identity")
    @Description("Identity hash of the object waited on (0 if none)")
    @Name(WaitInProgress.BLOCKER_ID)
    public int blockerId;

    @Label("Target Thread Id")
    @Description("The thread waited for: a join's target, the owner of a contended monitor (0 if none)")
    @Name(WaitInProgress.TARGET_THREAD_ID)
    public long targetThreadId;

    @Label("Since")
    @Description("When the wait began (unknown if absent); a monitor seen blocked is dated from the first sample that saw it")
    @Timestamp(Timestamp.TICKS)
    @Name(WaitInProgress.SINCE)
    public long since;
}
