package dev.weft.boot;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The agent's health: what it instrumented and what went wrong inside it. */
@Name("weft.AgentStatus")
@Label("Weft Agent Status")
@Category({"Weft", "Agent"})
@Description("Options, instrumented types and errors the agent suppressed to keep the application unharmed")
@StackTrace(false)
public final class AgentStatusEvent extends Event {

    @Label("Agent Version")
    public String version;

    @Label("Options")
    public String options;

    @Label("Workload Filter")
    public String workloadFilter;

    @Label("Phase Filter")
    @Description("The methods whose calls are the report's phases (option phases=), if given")
    public String phaseFilter;

    @Label("Instrumented Types")
    public int instrumentedTypes;

    @Label("Transformation Errors")
    public int transformErrors;

    @Label("Suppressed Advice Errors")
    @Description("Throwables thrown inside Weft's advice and swallowed so the application never sees them")
    public long suppressedErrors;

    @Label("Startup Time")
    @jdk.jfr.Timespan(jdk.jfr.Timespan.MILLISECONDS)
    public long startupMillis;
}
