package dev.weft.boot;

import dev.weft.reports.read.WeftSchema.WaitSample;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A periodic look at the waits in progress: committed after the {@link WaitInProgressEvent}s of
 * the same {@link #sample}, so a reader knows the list is complete, also when it is empty.
 */
@Name(WaitSample.NAME)
@Label("Wait Sample")
@Category({"Weft", "Wait Sample"})
@Description("How many threads were blocked at this moment; the longest-blocked ones follow as weft.WaitInProgress")
@StackTrace(false)
public final class WaitSampleEvent extends Event {

    @Label("Sample")
    @Name(WaitSample.SAMPLE)
    public long sample;

    @Label("Waits In Progress")
    @Description("Threads blocked at this moment, listed or not")
    @Name(WaitSample.IN_PROGRESS)
    public int inProgress;

    @Label("Listed")
    @Description("How many of them have a weft.WaitInProgress in this sample: the longest-blocked first")
    @Name(WaitSample.LISTED)
    public int listed;
}
