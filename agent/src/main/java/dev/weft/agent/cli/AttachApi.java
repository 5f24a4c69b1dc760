package dev.weft.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The only class that touches {@code com.sun.tools.attach} (module {@code jdk.attach}, which a JRE
 * or a jlinked runtime may lack): callers ask {@link JavaProcesses#canAttach()} first, so that
 * this class is never even verified without it (the verifier loads the exception types it catches).
 *
 * <p>The JDK's API and not Byte Buddy's {@code ByteBuddyAgent.attach}: one connection both reads
 * the target's system properties (its Java version, whether Weft records there) and loads the
 * agent, and the exceptions keep their types for clear messages. Byte Buddy's own fallback, an
 * emulated attach over JNA, is not in agent.jar anyway.
 */
final class AttachApi {

    /** A JVM the attach API can see: its pid and what it runs (main class or jar, and arguments). */
    record Listed(long pid, String displayName) { }

    private AttachApi() { }

    static List<Listed> list() {
        List<Listed> jvms = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            try {
                jvms.add(new Listed(Long.parseLong(d.id()), d.displayName()));
            } catch (NumberFormatException e) {
                // not a process id (another attach provider): not something to attach to by pid
            }
        }
        return jvms;
    }

    /** An open attach connection to the JVM {@code pid}. */
    record Connection(long pid, VirtualMachine vm) implements AutoCloseable {

        Properties systemProperties() throws CommandFailure {
            try {
                return vm.getSystemProperties();
            } catch (IOException e) {
                throw new CommandFailure("JVM " + pid + " did not answer: " + e.getMessage());
            }
        }

        void loadAgent(String jar, String argument) throws CommandFailure {
            try {
                vm.loadAgent(jar, argument);
            } catch (AgentLoadException e) {
                throw new CommandFailure("JVM " + pid + " could not load " + jar + ": " + e.getMessage());
            } catch (AgentInitializationException e) {
                throw new CommandFailure("Weft failed to start in JVM " + pid + " (its agentmain failed with "
                        + e.returnValue() + "; its stderr says why)");
            } catch (IOException e) {
                throw new CommandFailure("JVM " + pid + " did not load the agent: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                vm.detach();
            } catch (IOException e) {
                // the JVM went away or closed the connection: nothing left to release
            }
        }
    }

    static Connection attach(long pid) throws CommandFailure {
        try {
            return new Connection(pid, VirtualMachine.attach(Long.toString(pid)));
        } catch (AttachNotSupportedException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("does not support the attach mechanism")) {
                throw new CommandFailure("JVM " + pid + " does not allow attach (started with -XX:+DisableAttachMechanism?)");
            }
            throw new CommandFailure("cannot attach to " + pid + ": " + AgentCli.oneLine(why));
        } catch (IOException e) {
            throw new CommandFailure("cannot attach to " + pid + ": " + AgentCli.oneLine(String.valueOf(e.getMessage())));
        }
    }
}
