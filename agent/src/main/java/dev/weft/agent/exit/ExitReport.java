package dev.weft.agent.exit;

import dev.weft.agent.AgentHealth;
import dev.weft.agent.Console;
import dev.weft.boot.Recorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides <em>what</em> is written once a recording has ended (at exit, see {@link ExitHook}, or
 * by {@code java -jar agent.jar stop}): the HTML rendered from the {@code .jfr} JFR wrote, in a
 * child JVM within a time budget ({@link ChildRenderer}), and the lines that say where both are —
 * or, when the budget runs out, the one command that renders it later.
 */
public final class ExitReport {

    private final Path jfr;
    private final Path html;
    private final AgentHealth health;
    private final long timeoutMillis;
    private final long heapBytes;

    private final boolean verbose;

    /**
     * @param html          where the report goes, or null when only the recording is kept
     * @param verbose       whether the first error swallowed inside advice is shown with its stack
     * @param timeoutMillis how long rendering may take; 0: never render, only say how to
     * @param heapBytes     the heap of the JVM that renders it
     */
    public ExitReport(Path jfr, Path html, AgentHealth health, boolean verbose, long timeoutMillis, long heapBytes) {
        this.jfr = jfr;
        this.html = html;
        this.health = health;
        this.verbose = verbose;
        this.timeoutMillis = timeoutMillis;
        this.heapBytes = heapBytes;
    }

    public Path jfr() {
        return jfr;
    }

    /** The budget of the whole exit report, waiting for JFR included. */
    long timeoutMillis() {
        return timeoutMillis;
    }

    /** {@link #write(long)} with the whole budget from now: {@code stop} while the JVM runs on. */
    public boolean write() throws IOException, InterruptedException {
        return write(System.nanoTime() + timeoutMillis * 1_000_000L);
    }

    /**
     * Renders the HTML from the {@code .jfr} JFR has written, by {@code deadlineNanos}, and says where
     * both are.
     *
     * @return whether a recording was there to report
     */
    public boolean write(long deadlineNanos) throws IOException, InterruptedException {
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
        if (timeoutMillis <= 0) {
            Console.line("recording: " + jfr + health + " (no report at exit: reporttimeout=0); render it with: "
                    + renderCommand(""));
            return true;
        }
        ChildRenderer.Result r;
        try {
            r = ChildRenderer.render(jfr, html, heapBytes, deadlineNanos);
        } catch (IOException e) {
            Console.line("report not rendered: no JVM could be started for it (" + e.getMessage() + "); render it with: "
                    + renderCommand(""));
            return true;
        }
        if (r.timedOut()) {
            Console.line(String.format(Locale.ROOT, "report skipped: rendering the %.1f MB recording took more than "
                    + "%d s (reporttimeout=%ds)%s; render it with: %s", Files.size(jfr) / 1048576.0,
                    Math.max(1, r.millis() / 1000), timeoutMillis / 1000, health, renderCommand("")));
            return true;
        }
        if (r.exitCode() != 0 && r.exitCode() != RenderMain.PARTIAL) {
            String why = r.output().isEmpty() ? "the renderer exited with code " + r.exitCode()
                    : r.output().lines().reduce((a, b) -> b).orElse("");
            boolean memory = why.contains("memory");
            Console.line("report failed: " + why + health + "; render it with: "
                    + renderCommand(memory ? "-Xmx1g " : ""));
            return true;
        }
        String partial = r.exitCode() != RenderMain.PARTIAL ? ""
                : String.format(Locale.ROOT, "; the report is partial (its notes say why): if the heap was short "
                        + "(reportheap=%dm), render it all with: %s", heapBytes >> 20, renderCommand("-Xmx1g "));
        Console.line(r.output().lines().reduce((a, b) -> b).orElse("") + health + partial);
        Console.line("report: " + html + "  (jfr: " + jfr + ")");
        return true;
    }

    /** The reports CLI's command that renders this recording later, e.g. with a larger heap. */
    String renderCommand(String javaOptions) {
        return "java " + javaOptions + "-jar reports.jar html " + quoted(jfr) + " -o " + quoted(html);
    }

    private static String quoted(Path path) {
        String p = String.valueOf(path);
        return p.matches("[A-Za-z0-9_./:@%+=,-]+") ? p : "'" + p.replace("'", "'\\''") + "'";
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
