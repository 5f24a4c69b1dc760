package dev.weft.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A JDK a forked-JVM test runs on, by feature release; {@code home} is null when {@link Jdks} did not
 * find it. Asking a missing JDK for its {@code java} fails the test under {@code CI=true} and skips it
 * elsewhere, so a CI machine without one of the JDKs can never pass by testing less.
 */
public record Jdk(int feature, Path home) {

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public boolean found() {
        return home != null;
    }

    /** Its {@code bin/java}. */
    public String java() {
        return tool("java");
    }

    /** One of its tools, e.g. {@code jfr}. */
    public String tool(String name) {
        if (home == null) {
            String why = "JDK " + feature + " was not found (set WEFT_TEST_JDKS or JDK" + feature + "_HOME)";
            if (inCi()) {
                throw new AssertionError(why + ": under CI=true every JDK of weft.test.jdks.required must be there");
            }
            Assumptions.abort(why + ": skipped");
        }
        return home.resolve("bin").resolve(name).toString();
    }

    /** Whether this JDK has virtual threads (final from 21 on). */
    public boolean hasVirtualThreads() {
        return feature >= 21;
    }

    /** JUnit shows this as the parameter's name. */
    @Override
    public String toString() {
        return "JDK " + feature + (home == null ? " (not found)" : "");
    }
}
