package dev.weft.reports;

import dev.weft.reports.render.Format;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link Reports#writeHtml(Path, Path)} wrote, in short: enough for the agent to print one line.
 *
 * @param html              the report written
 * @param htmlBytes         its size in bytes
 * @param platformThreads   application platform threads (JDK-internal threads not counted)
 * @param virtualThreads    application virtual threads
 * @param workloadSpans     workload spans recorded
 * @param waitSpans         wait spans after merging nested waits into the outermost call
 * @param threadsAliveAtExit threads still running when the JVM began to shut down
 * @param phases            the phases grouped by method, the most wall time first
 * @param agentData         whether the recording holds any Weft agent event
 * @param partial           whether only part of the recording is in the report (damaged, or too large for the heap)
 * @param elapsedMillis     time taken to read, analyse and write
 */
public record ReportSummary(Path html, long htmlBytes, int platformThreads, int virtualThreads,
                            long workloadSpans, long waitSpans, int threadsAliveAtExit, List<PhaseSummary> phases,
                            boolean agentData, boolean partial, long elapsedMillis) {

    /** How many phase groups a one-line summary names at most; the rest are counted. */
    public static final int LINE_GROUPS = 4;

    /**
     * The phases of one method.
     *
     * @param name       friendly name, e.g. {@code Scenario02Concurrent.run}
     * @param count      how many phases it ran
     * @param wallMillis wall time, summed over them
     * @param inFlight   average threads in workload at once (blocked or not)
     * @param running    average threads in workload and not waiting
     */
    public record PhaseSummary(String name, int count, double wallMillis, double inFlight, double running) {
        public PhaseSummary {
            Objects.requireNonNull(name, "name");
        }

        /**
         * The name as one line fit for a terminal or a log: control characters become spaces, and a
         * name longer than 60 characters is cut (it comes from the recording, so it is untrusted text).
         */
        public String printableName() {
            return Format.safe(name, 60);
        }
    }

    public ReportSummary {
        Objects.requireNonNull(html, "html");
        phases = List.copyOf(phases);
    }

    /**
     * The biggest phase groups, at most {@link #LINE_GROUPS}, each "name ×count wall, in flight N, running N",
     * then how many more: a few dozen characters whatever the recording holds.
     */
    public static String phaseList(List<PhaseSummary> phases) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(phases.size(), LINE_GROUPS);
        for (int i = 0; i < shown; i++) {
            PhaseSummary p = phases.get(i);
            b.append(i == 0 ? "" : ", ").append(p.printableName());
            if (p.count() > 1) {
                b.append(" x").append(p.count());
            }
            b.append(String.format(Locale.ROOT, " %.0f ms, in flight %.1f, running %.1f", p.wallMillis(),
                    p.inFlight(), p.running()));
        }
        if (phases.size() > shown) {
            b.append(", and ").append(phases.size() - shown).append(" more");
        }
        return b.toString();
    }

    /** All threads counted: platform plus virtual. */
    public int threads() {
        return platformThreads + virtualThreads;
    }

    /**
     * One line for a log or the console, e.g. {@code weft: 5 threads (4 platform, 1 virtual), 12 workload
     * spans, 30 waits, 2 phases (Scenario01Sequential.run 1.00x, Scenario02Concurrent.run 3.91x), 1 thread alive
     * at exit -> /tmp/app.html (180.2 KB)}.
     */
    public String toLine() {
        StringBuilder b = new StringBuilder("weft: ");
        b.append(threads()).append(threads() == 1 ? " thread (" : " threads (").append(platformThreads)
                .append(" platform, ").append(virtualThreads).append(" virtual), ")
                .append(workloadSpans).append(" workload spans, ").append(waitSpans).append(" waits");
        if (!phases.isEmpty()) {
            b.append(", phases: ").append(phaseList(phases));
        }
        if (threadsAliveAtExit > 0) {
            b.append(", ").append(threadsAliveAtExit).append(threadsAliveAtExit == 1 ? " thread" : " threads")
                    .append(" alive at exit");
        }
        if (!agentData) {
            b.append(", no agent data");
        }
        if (partial) {
            b.append(", PARTIAL (truncated recording)");
        }
        return b.append(" -> ").append(html).append(" (").append(Format.bytes(htmlBytes)).append(')').toString();
    }
}
