package dev.weft.reports;

import dev.weft.reports.analyse.Analyser;
import dev.weft.reports.analyse.PhaseFilter;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.PhaseGroup;
import dev.weft.reports.io.IoErrors;
import dev.weft.reports.model.Model;
import dev.weft.reports.read.JfrReader;
import dev.weft.reports.read.RecordingException;
import dev.weft.reports.render.HtmlRenderer;
import dev.weft.reports.render.ViewerPage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The library's entry points. Every method either returns or throws {@link ReportException}
 * with a one-line message; nothing else escapes.
 */
public final class Reports {

    /** The library version, from the jar manifest when packaged. */
    public static final String VERSION = version();

    /**
     * The JVM options a report runs fastest with, in the exit report's child and {@code ./weft report}:
     * it is a short run that would spend half its CPU compiling, so C1 only, the serial collector, and
     * C1's thresholds lowered so that the reader's loops are compiled before the report is over
     * (bench/RESULTS.md). {@code java -jar reports.jar} cannot set them itself.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:Tier3InvocationThreshold=20", "-XX:Tier3MinInvocationThreshold=10", "-XX:Tier3CompileThreshold=100",
            "-XX:Tier3BackEdgeThreshold=2000");

    private Reports() {
    }

    /**
     * Reads the recording {@code jfr} and writes the HTML timeline to {@code html} (its directory is
     * created if needed; an existing file is replaced).
     *
     * @return a short summary of what was written
     * @throws ReportException if the recording cannot be read or the report cannot be written
     */
    public static ReportSummary writeHtml(Path jfr, Path html) throws ReportException {
        return writeHtml(jfr, html, null);
    }

    /** {@link #writeHtml(Path, Path)} with the methods that are phases ({@code null}: the recording's own choice). */
    public static ReportSummary writeHtml(Path jfr, Path html, String phases) throws ReportException {
        return writeHtml(jfr, html, phases, JfrReader::read);
    }

    static ReportSummary writeHtml(Path jfr, Path html, String phases, ModelSource source) throws ReportException {
        if (html == null) {
            throw new ReportException("no output file given");
        }
        long t0 = System.nanoTime();
        ViewerPage.TIMELINE.readAhead();
        return retried(jfr, divisor -> {
            Analysis analysis = analyse(jfr, phases, source, divisor, divisor > 1);
            long bytes;
            try {
                bytes = HtmlRenderer.write(analysis, html, "weft-reports " + VERSION);
            } catch (IOException e) {
                throw new ReportException("cannot write " + html + ": " + IoErrors.reason(e), e);
            } catch (OutOfMemoryError e) {
                throw e;
            } catch (RuntimeException | Error e) {
                throw internal("writing " + html, e);
            }
            return summary(analysis, html, bytes, (System.nanoTime() - t0) / 1_000_000L);
        });
    }

    /**
     * Reads and analyses the recording {@code jfr}.
     *
     * @throws ReportException if it cannot be read
     */
    public static Analysis analyse(Path jfr) throws ReportException {
        return analyse(jfr, null);
    }

    /**
     * Reads and analyses the recording {@code jfr}, with the phases {@code phases} names (the workload
     * filter's syntax); {@code null} takes the agent's {@code phases=} or the top-level spans of main.
     */
    public static Analysis analyse(Path jfr, String phases) throws ReportException {
        return analyse(jfr, phases, 1);
    }

    /**
     * {@link #analyse(Path, String)} as one of {@code models} analyses the heap holds at once (a diff's two):
     * its model may take a {@code 1/models} share of what one alone may.
     */
    public static Analysis analyse(Path jfr, String phases, int models) throws ReportException {
        return analyse(jfr, phases, models, JfrReader::read);
    }

    static Analysis analyse(Path jfr, String phases, int models, ModelSource source) throws ReportException {
        int share = Math.max(1, models);
        return retried(jfr, divisor -> analyse(jfr, phases, source, share * divisor, divisor > 1));
    }

    /** One attempt: the model in its share of the heap divided by {@code divisor}; out of memory escapes. */
    private static Analysis analyse(Path jfr, String phases, ModelSource source, int divisor, boolean retry)
            throws ReportException {
        try {
            Model model = source.read(jfr, divisor, retry);
            return Analyser.analyse(model, PhaseFilter.parse(phases));
        } catch (RecordingException e) {
            throw new ReportException(e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw internal("reading " + jfr, e);
        }
    }

    /**
     * Runs {@code attempt} with the model's usual share of the heap and, should that run out of memory, once
     * more with a {@value #RETRY_DIVISOR}th of it: the model's budget charges what a report holds from
     * measurements, and a recording unlike those measured may need more. A report of less beats none, above
     * all at exit, where the heap is small. The model of the first attempt is garbage by then.
     */
    private static <T> T retried(Path jfr, Attempt<T> attempt) throws ReportException {
        String noRoom = "not enough memory for a report of " + jfr + "; give the JVM a larger heap (-Xmx)";
        try {
            return attempt.run(1);
        } catch (OutOfMemoryError first) {
            if (!heapFull(first)) {
                throw new ReportException("not enough memory for a report of " + jfr + ": " + first.getMessage(), first);
            }
            try {
                return attempt.run(RETRY_DIVISOR);
            } catch (OutOfMemoryError again) {
                throw new ReportException(noRoom, again);
            } catch (ReportException again) {
                // a class whose initialiser ran out of memory the first time cannot be used again
                throw again.getCause() instanceof LinkageError ? new ReportException(noRoom, again) : again;
            }
        }
    }

    /** The heap was full, which less of a model can help; not threads, metaspace or direct buffers. */
    static boolean heapFull(OutOfMemoryError e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Java heap space") || m.contains("GC overhead limit exceeded")
                || m.contains("Requested array size exceeds VM limit");
    }

    /** How much smaller the model's share of the heap is in the attempt after one that ran out of memory. */
    static final int RETRY_DIVISOR = 4;

    /**
     * Where a report's model comes from: the recording, read into a {@code 1/divisor} share of the model's heap,
     * {@code afterOutOfMemory} a reading before did not fit.
     */
    @FunctionalInterface
    interface ModelSource {
        Model read(Path jfr, int divisor, boolean afterOutOfMemory) throws RecordingException;
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run(int divisor) throws ReportException;
    }

    /** The summary the agent prints, from an analysis and the report written. */
    public static ReportSummary summary(Analysis analysis, Path html, long htmlBytes, long elapsedMillis) {
        List<ReportSummary.PhaseSummary> phases = new ArrayList<>();
        for (PhaseGroup g : analysis.biggestPhaseGroups()) {
            phases.add(new ReportSummary.PhaseSummary(g.name(), g.count(), g.wall() / 1e6, g.inFlight(), g.running()));
        }
        Model m = analysis.model();
        return new ReportSummary(html, htmlBytes, analysis.platformThreads(), analysis.virtualThreads(),
                m.workloadSpanCount(), m.waitSpanCount(), m.aliveAtExit().size(), phases, m.hasAgentData(),
                m.partial(), elapsedMillis);
    }

    private static ReportException internal(String doing, Throwable e) {
        String message = e.getMessage();
        return new ReportException("internal error while " + doing + ": " + e.getClass().getSimpleName()
                + (message == null ? "" : ": " + message), e);
    }

    private static String version() {
        String v = Reports.class.getPackage() == null ? null : Reports.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
