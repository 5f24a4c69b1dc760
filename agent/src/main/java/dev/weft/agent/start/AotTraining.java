package dev.weft.agent.start;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * A JVM that records an ahead-of-time cache (JDK 24's {@code -XX:AOTMode=record}, JDK 25's
 * {@code -XX:AOTCacheOutput}, a dynamic CDS archive with {@code -XX:ArchiveClassesAtExit} and
 * {@code -XX:+AllowArchivingWithJavaAgent}) crashes once an agent has rewritten JDK classes in it
 * (measured on JDK 25 with this agent: the demo exits 134 with an hs_err file). Without
 * {@code AllowArchivingWithJavaAgent} the JVM refuses any agent itself, before Weft runs. The cache
 * itself is still not made with the agent on the command line: the JVM's assembly step finds the
 * boot class path that the agent's manifest extended, and declines; the line says so. The training run must
 * go on, so the agent steps aside there. The JVM's arguments are read as the JVM has them, options
 * from {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} included; the management API would tell
 * the same for 30-80 ms of start-up, {@code jdk.internal.misc.VM} in microseconds.
 */
final class AotTraining {

    private AotTraining() { }

    /** The one line to print when this JVM records an AOT cache, else null (also when it cannot tell). */
    static String refusal(Instrumentation inst) {
        String[] args = runtimeArguments(inst);
        return args == null ? null : refusal(args);
    }

    static String refusal(String... jvmArguments) {
        for (String a : jvmArguments) {
            if (a.startsWith("-XX:AOTCacheOutput=") || a.equals("-XX:AOTMode=record")
                    || a.startsWith("-XX:ArchiveClassesAtExit=")) {
                return "this JVM records an AOT cache (" + a + "), which an instrumenting agent makes crash;"
                        + " Weft records nothing and the application runs unobserved (make the cache without -javaagent)";
            }
        }
        return null;
    }

    private static String[] runtimeArguments(Instrumentation inst) {
        try {
            Module base = Object.class.getModule();
            inst.redefineModule(base, Set.of(), Map.of("jdk.internal.misc", Set.of(AotTraining.class.getModule())),
                    Map.of(), Set.of(), Map.of());
            return (String[]) Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments").invoke(null);
        } catch (Throwable t) {
            return null; // a JDK without it: the agent runs as it would have
        }
    }
}
