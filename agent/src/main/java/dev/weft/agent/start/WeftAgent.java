package dev.weft.agent.start;

import dev.weft.agent.control.AgentControl;
import java.lang.instrument.Instrumentation;

/**
 * Entry point of {@code -javaagent:agent.jar[=options]}. Does almost nothing itself: the work is
 * in {@link AgentStarter}, and nothing here may ever stop the application from running.
 */
public final class WeftAgent {

    private WeftAgent() { }

    public static void premain(String args, Instrumentation inst) {
        AgentStarter.start(args, inst);
    }

    /** Loaded into a running JVM: by {@code java -jar agent.jar attach|stop}, or by anyone's {@code loadAgent}. */
    public static void agentmain(String args, Instrumentation inst) {
        AgentControl.agentmain(args, inst);
    }
}
