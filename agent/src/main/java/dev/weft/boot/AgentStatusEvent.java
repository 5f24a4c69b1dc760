package dev.weft.boot;

import dev.weft.reports.read.WeftSchema.AgentStatus;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The agent's health: what it instrumented and what went wrong inside it. */
@Name(AgentStatus.NAME)
@Label("Weft Agent Status")
@Category({"Weft", "Agent"})
@Description("Options, instrumented types and errors the agent suppressed to keep the application unharmed")
@StackTrace(false)
public final class AgentStatusEvent extends Event {

    @Label("Agent Version")
    @Name(AgentStatus.VERSION)
    public String version;

    @Label("Options")
    @Name(AgentStatus.OPTIONS)
    public String options;

    @Label("Workload Filter")
    @Name(AgentStatus.WORKLOAD_FILTER)
    public String workloadFilter;

    @Label("Phase Filter")
    @Description("The methods whose calls are the report's phases (option phases=), if given")
    @Name(AgentStatus.PHASE_FILTER)
    public String phaseFilter;

    @Label("Instrumented Types")
    @Name(AgentStatus.INSTRUMENTED_TYPES)
    public int instrumentedTypes;

    @Label("Transformation Errors")
    @Name(AgentStatus.TRANSFORM_ERRORS)
    public int transformErrors;

    @Label("Suppressed Advice Errors")
    @Description("Throwables thrown inside Weft's advice and swallowed so the application never sees them")
    @Name(AgentStatus.SUPPRESSED_ERRORS)
    public long suppressedErrors;

    @Label("Types Not Instrumented")
    @Description("Each type the agent meant to instrument and could not, with the reason; empty when none")
    @Name(AgentStatus.FAILED_TYPES)
    public String failedTypes;

    @Label("First Suppressed Error")
    @Description("The first Throwable swallowed inside Weft's advice, with its stack trace; empty when none")
    @Name(AgentStatus.FIRST_SUPPRESSED_ERROR)
    public String firstSuppressedError;
    @Label("Recording Start")
    @Description("When the agent's recording started: older data is missing when the recording's limits dropped it")
    @jdk.jfr.Timestamp(jdk.jfr.Timestamp.MILLISECONDS_SINCE_EPOCH)
    @Name(AgentStatus.RECORDING_START)
    public long recordingStart;

    @Label("Max Age")
    @Description("The recording keeps data this old at most (maxage=; 0: no limit)")
    @jdk.jfr.Timespan(jdk.jfr.Timespan.MILLISECONDS)
    @Name(AgentStatus.MAX_AGE)
    public long maxAge;

    @Label("Max Size")
    @Description("The recording keeps this much data at most (maxsize=; 0: no limit)")
    @jdk.jfr.DataAmount
    @Name(AgentStatus.MAX_SIZE)
    public long maxSize;

    @Label("Agent's Own Files")
    @Description("Files and directories the agent reads and writes while it records, one per line: "
            + "file I/O events on them are the agent's, not the application's")
    @Name(AgentStatus.OWN_FILES)
    public String ownFiles;

    @Label("Startup Time")
    @jdk.jfr.Timespan(jdk.jfr.Timespan.MILLISECONDS)
    @Name(AgentStatus.STARTUP_MILLIS)
    public long startupMillis;
}
