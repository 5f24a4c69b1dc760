package dev.weft.agent.exit;

import dev.weft.reports.ReportSummary;

/** The one-line summary the agent prints when it writes a report: a few dozen characters whatever the recording holds. */
public final class SummaryLine {

    private SummaryLine() { }

    /** "14 threads (4 platform, 10 virtual), 12 workload spans, 9 waits; phases: Sequential.run 410 ms, in flight 1.0, running 1.0, …". */
    public static String of(ReportSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(s.threads()).append(" threads (").append(s.platformThreads()).append(" platform, ")
                .append(s.virtualThreads()).append(" virtual), ").append(s.workloadSpans()).append(" workload spans, ")
                .append(s.waitSpans()).append(" waits");
        if (!s.phases().isEmpty()) {
            b.append("; phases: ").append(ReportSummary.phaseList(s.phases()));
        }
        if (s.threadsAliveAtExit() > 0) {
            b.append("; ").append(s.threadsAliveAtExit()).append(" threads still running at exit (forgotten wait?)");
        }
        return b.toString();
    }
}
