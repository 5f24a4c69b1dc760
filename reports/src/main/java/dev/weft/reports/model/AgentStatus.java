package dev.weft.reports.model;

/**
 * What the Weft agent reported about itself (from {@code weft.AgentStatus}).
 *
 * @param version            agent version, may be {@code null}
 * @param options            the agent options, may be {@code null}
 * @param workloadFilter     the workload filter, may be {@code null}
 * @param instrumentedTypes  types the agent instrumented
 * @param transformErrors    types it meant to instrument and could not (Byte Buddy failed, or the JVM
 *                           refused the woven class)
 * @param failedTypes        those types, each with its reason; {@code ""} when none, {@code null} when an
 *                           older agent did not record it
 * @param suppressedErrors   throwables thrown inside its advice and swallowed
 * @param firstSuppressed    the first of them with its stack trace; {@code ""} when none, {@code null}
 *                           when an older agent did not record it
 * @param startupMillis      time the agent took to start
 * @param phaseFilter        the methods named as phases ({@code phases=}), may be {@code null}
 */
public record AgentStatus(String version, String options, String workloadFilter, int instrumentedTypes,
                          int transformErrors, String failedTypes, long suppressedErrors, String firstSuppressed,
                          long startupMillis, String phaseFilter) {

    public AgentStatus(String version, String options, String workloadFilter, int instrumentedTypes,
                       int transformErrors, long suppressedErrors, long startupMillis) {
        this(version, options, workloadFilter, instrumentedTypes, transformErrors, null, suppressedErrors, null,
                startupMillis, null);
    }

    /** Whether the agent did all it meant to: every type instrumented, no error swallowed. */
    public boolean healthy() {
        return transformErrors == 0 && suppressedErrors == 0;
    }
}
