package dev.weft.junit;

import dev.weft.reports.ReportException;
import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Phase;
import dev.weft.reports.diff.Figures;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.render.HtmlRenderer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Turns a run's recording into its HTML report and its {@link WeftRun}. The run is the one phase of the
 * analysis, which is told the run's span is the phase; its figures come from the analysis through
 * {@link Figures}, the one mapping the diff uses too.
 */
final class RunReport {

    private RunReport() {
    }

    static WeftRun of(String name, String method, long callerId, Path jfr, Path html) {
        Analysis analysis;
        try {
            // the run's own span is its one phase, on whatever thread the test runs
            analysis = Reports.analyse(jfr, method);
            HtmlRenderer.write(analysis, html, "weft-junit " + Reports.VERSION);
        } catch (ReportException | IOException e) {
            throw new IllegalStateException("Weft could not report the run '" + name + "': " + e.getMessage(), e);
        }
        Phase phase = phaseOf(analysis, method);
        if (phase == null) {
            throw new IllegalStateException("Weft found no span of the run '" + name + "' in " + jfr);
        }
        Figures.OfPhase figures = Figures.of(analysis, phase);
        List<String> left = new ArrayList<>();
        for (ThreadInfo t : Figures.leftRunning(analysis, callerId, phase.start(), phase.end())) {
            if (!isIdleCommonPoolWorker(t.id())) {
                left.add(t.displayName());
            }
        }
        return new WeftRun(name, figures, left, html, jfr);
    }

    /** The run's phase: its span. */
    private static Phase phaseOf(Analysis analysis, String method) {
        for (Phase p : analysis.phases()) {
            if (method.equals(p.method())) {
                return p;
            }
        }
        return null;
    }

    /**
     * A worker of the JDK's common pool (a parallel stream, {@code CompletableFuture.supplyAsync}) stays
     * alive after its task, idle, until the pool retires it: the JVM's to manage, not work left behind.
     */
    private static boolean isIdleCommonPoolWorker(long id) {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (threadId(t) == id) {
                return t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool()
                        && onlyJdkFrames(e.getValue());
            }
        }
        return false;
    }

    /** Waiting for a task, not running one: nothing but the JDK's own code on the stack. */
    private static boolean onlyJdkFrames(StackTraceElement[] frames) {
        for (StackTraceElement f : frames) {
            String c = f.getClassName();
            if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun."))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number on 17
    static long threadId(Thread t) {
        return t.getId();
    }
}
