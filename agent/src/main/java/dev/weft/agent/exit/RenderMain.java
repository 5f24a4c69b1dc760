package dev.weft.agent.exit;

import dev.weft.reports.ReportException;
import dev.weft.reports.ReportSummary;
import dev.weft.reports.Reports;
import java.nio.file.Path;

/**
 * The child JVM that renders the exit report ({@link ChildRenderer}): reads the {@code .jfr}, writes
 * the HTML and prints the one-line summary on standard output. Exit codes: 0 written, 1 the
 * recording could not be read or the report written (the reason on standard output), 2 wrong usage,
 * 3 written but partial (e.g. what did not fit in the heap was left out; the report's notes say what).
 */
public final class RenderMain {

    /** The exit code of a report written but partial. */
    static final int PARTIAL = 3;

    private RenderMain() { }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.out.println("usage: RenderMain <file.jfr> <out.html>");
            end(2);
            return;
        }
        try {
            ReportSummary summary = Reports.writeHtml(Path.of(args[0]), Path.of(args[1]));
            System.out.println(SummaryLine.of(summary));
            end(summary.partial() ? PARTIAL : 0);
        } catch (ReportException e) {
            System.out.println(e.getMessage());
            end(1);
        }
    }

    /**
     * Ends the child by {@code halt} once its line is flushed: it registers no shutdown hooks, and the JDK's own
     * cost a report milliseconds while the application waits (as the reports CLI's {@code Main}).
     */
    private static void end(int code) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }
}
