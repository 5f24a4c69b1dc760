package dev.weft.agent.start;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;

/**
 * Entry point of {@code -javaagent:agent.jar[=options]} and of an attach. It must load on any JVM,
 * so that on one older than Weft supports the user reads one line instead of the JVM's abort: the
 * build compiles this class alone for Java 8, before the rest (Java 17), and it names the rest only
 * by reflection, once the version is known to be enough. Nothing here may stop the application.
 */
public final class WeftAgent {

    /** The oldest Java release Weft runs on. */
    static final int MINIMUM_JAVA = 17;

    /**
     * Tests only: the Java release to believe this JVM is, so that the refusal on an old JVM can be
     * run for real on a supported one ({@code -Dweft.test.javaVersion=11}).
     */
    static final String TEST_VERSION_PROPERTY = "weft.test.javaVersion";

    private WeftAgent() { }

    public static void premain(String args, Instrumentation inst) {
        if (supported()) {
            hand("dev.weft.agent.start.AgentStarter", "start", args, inst);
        }
    }

    /** Loaded into a running JVM: by {@code java -jar agent.jar attach|stop}, or by anyone's {@code loadAgent}. */
    public static void agentmain(String args, Instrumentation inst) {
        if (supported()) {
            hand("dev.weft.agent.control.AgentControl", "agentmain", args, inst);
        }
    }

    private static boolean supported() {
        String version = System.getProperty(TEST_VERSION_PROPERTY);
        if (version == null) {
            version = System.getProperty("java.specification.version");
        }
        String refusal = refusal(version);
        if (refusal != null) {
            System.err.println(refusal);
        }
        return refusal == null;
    }

    /** The one line for a JVM of {@code specificationVersion} ("1.8", "11", "17" …), or null if Weft runs there. */
    static String refusal(String specificationVersion) {
        int feature = feature(specificationVersion);
        if (feature < 0 || feature >= MINIMUM_JAVA) {
            return null; // unreadable: let the agent try rather than refuse a JVM that may well do
        }
        return "[weft] Weft needs Java " + MINIMUM_JAVA + " or newer and this is Java " + feature
                + "; the application runs without it";
    }

    private static int feature(String specificationVersion) {
        if (specificationVersion == null) {
            return -1;
        }
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void hand(String className, String method, String args, Instrumentation inst) {
        try {
            Method m = Class.forName(className).getMethod(method, String.class, Instrumentation.class);
            m.invoke(null, args, inst);
        } catch (Throwable t) {
            // the starter reports its own failures; this is only reached if it could not even be called
            System.err.println("[weft] agent disabled, the application runs unobserved: " + t);
        }
    }
}
