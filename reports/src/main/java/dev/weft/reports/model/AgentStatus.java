package dev.weft.reports.model;

/**
 * What the Weft agent reported about itself (from {@code weft.AgentStatus}).
 *
 * @param version            agent version, may be {@code null}
 * @param options            the agent options, may be {@code null}
 * @param workloadFilter     the workload filter, may be {@code null}
 * @param instrumentedTypes  types the agent instrumented
 * @param transformErrors    types it failed to instrument
 * @param suppressedErrors   throwables thrown inside its advice and swallowed
 * @param startupMillis      time the agent took to start
 * @param phaseFilter        the methods named as phases ({@code phases=}), may be {@code null}
 */
public record AgentStatus(String version, String options, String workloadFilter, int instrumentedTypes,
                          int transformErrors, long suppressedErrors, long startupMillis, String phaseFilter) {

    public AgentStatus(String version, String options, String workloadFilter, int instrumentedTypes,
                       int transformErrors, long suppressedErrors, long startupMillis) {
        this(version, options, workloadFilter, instrumentedTypes, transformErrors, suppressedErrors, startupMillis,
                null);
    }
}
