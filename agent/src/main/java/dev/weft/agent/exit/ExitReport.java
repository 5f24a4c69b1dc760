package dev.weft.agent.exit;

import dev.weft.agent.AgentHealth;
import dev.weft.agent.Console;
import dev.weft.boot.Recorder;
import dev.weft.reports.ReportException;
import dev.weft.reports.ReportSummary;
import dev.weft.reports.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides <em>what</em> is written once a recording has ended (at exit, see {@link ExitHook}, or
 * by {@code java -jar agent.jar stop}): the HTML rendered from the {@code .jfr} JFR wrote, and the
 * lines that say where both are.
 */
public final class ExitReport {

    private final Path jfr;
    private final Path html;
    private final AgentHealth health;

    private final boolean verbose;

    /**
     * @param html    where the report goes, or null when only the recording is kept
     * @param verbose whether the first error swallowed inside advice is shown with its stack
     */
    public ExitReport(Path jfr, Path html, AgentHealth health, boolean verbose) {
        this.jfr = jfr;
        this.html = html;
        this.health = health;
        this.verbose = verbose;
    }

    public Path jfr() {
        return jfr;
    }

    /**
     * Renders the HTML from the {@code .jfr} JFR has written and says where both are.
     *
     * @return whether a recording was there to report
     */
    public boolean write() throws IOException, ReportException {
        if (!Files.isRegularFile(jfr) || Files.size(jfr) == 0) {
            Console.line("no recording was written to " + jfr);
            return false;
        }
        String health = healthNote();
        if (verbose && Recorder.firstSuppressed() != null) {
            Console.line("first error suppressed inside Weft's advice (of " + Recorder.suppressedCount() + "):");
            AgentHealth.stackText(Recorder.firstSuppressed()).lines().forEach(l -> Console.line("  " + l));
        }
        if (html == null) {
            Console.line("recording: " + jfr + health);
            return true;
        }
        ReportSummary summary = Reports.writeHtml(jfr, html);
        Console.line(SummaryLine.of(summary) + health);
        Console.line("report: " + html + "  (jfr: " + jfr + ")");
        return true;
    }

    private String healthNote() {
        long suppressed = Recorder.suppressedCount();
        int errors = health.transformErrors();
        if (suppressed == 0 && errors == 0) {
            return "";
        }
        return " — agent health: " + suppressed + " suppressed advice errors, " + errors + " transformation errors";
    }
}
