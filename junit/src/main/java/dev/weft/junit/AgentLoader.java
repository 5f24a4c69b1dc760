package dev.weft.junit;

import dev.weft.agent.start.WeftInProcess;

import java.lang.instrument.Instrumentation;

import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Weft in the test JVM, loaded once: the one {@code -javaagent} started, else the agent loaded by a
 * self-attach through byte-buddy-agent (which falls back to a helper process when the JVM forbids
 * attaching to itself). Either way the JDK's waits are woven once per JVM.
 */
final class AgentLoader {

    private AgentLoader() {
    }

    static synchronized WeftInProcess weft() {
        WeftInProcess weft;
        try {
            weft = WeftInProcess.current();
        } catch (LinkageError e) {
            throw new ExtensionConfigurationException("the Weft agent (dev.weft:weft-agent) is missing from the test "
                    + "class path or does not match weft-junit: " + e, e);
        }
        if (weft != null) {
            return weft;
        }
        Instrumentation inst;
        try {
            inst = ByteBuddyAgent.install();
        } catch (RuntimeException | LinkageError e) {
            throw new ExtensionConfigurationException("Weft could not load its agent into this test JVM (" + e.getMessage()
                    + "); put -javaagent:<the weft-agent jar> on the test JVM's command line (surefire's argLine) instead", e);
        }
        try {
            return WeftInProcess.start(inst);
        } catch (IllegalStateException e) {
            throw new ExtensionConfigurationException("Weft cannot record in this test JVM: " + e.getMessage(), e);
        }
    }
}
