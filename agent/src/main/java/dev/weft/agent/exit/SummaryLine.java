package dev.weft.agent.exit;

import dev.weft.reports.ReportSummary;
import java.util.Locale;

/** The one-line summary the agent prints when it writes a report. */
public final class SummaryLine {

    private SummaryLine() { }

    /** "14 threads (4 platform, 10 virtual), 12 workload spans, 9 waits; phases: Sequential 1.00x, …". */
    public static String of(ReportSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(s.threads()).append(" threads (").append(s.platformThreads()).append(" platform, ")
                .append(s.virtualThreads()).append(" virtual), ").append(s.workloadSpans()).append(" workload spans, ")
                .append(s.waitSpans()).append(" waits");
        if (!s.phases().isEmpty()) {
            b.append("; phases:");
            for (ReportSummary.PhaseSummary p : s.phases()) {
                b.append(' ').append(p.printableName()).append(' ')
                        .append(String.format(Locale.ROOT, "%.0f ms %.2fx", p.wallMillis(), p.speedUp()))
                        .append(',');
            }
            b.setLength(b.length() - 1);
        }
        if (s.threadsAliveAtExit() > 0) {
            b.append("; ").append(s.threadsAliveAtExit()).append(" threads still running at exit (forgotten wait?)");
        }
        return b.toString();
    }
}
