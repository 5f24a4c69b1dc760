package dev.weft.agent;

import dev.weft.boot.Recorder;
import dev.weft.reports.ReportException;
import dev.weft.reports.ReportSummary;
import dev.weft.reports.Reports;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Renders the report when the JVM exits, from the {@code .jfr} that JFR itself wrote.
 *
 * <p>Never stops or reads the recording while JFR's own shutdown hook may be working on it: that
 * race leaves a 0-byte file (DESIGN §5). Instead this hook runs after every application hook, JFR's
 * included, in a late system shutdown slot; where that internal API is unavailable it falls back to
 * an ordinary hook that only waits, bounded, for the recording to be CLOSED.
 */
final class ExitReport implements Runnable {

    private static final long WAIT_FOR_JFR_MILLIS = 10_000;
    private static final int FIRST_SLOT = 9;
    private static final int LAST_SLOT = 3; // 0–2 belong to the JDK

    private final Recording recording;
    private final Path jfr;
    private final Path html;
    private final AgentHealth health;
    private volatile boolean lateSlot;

    /**
     * One exit hook per JVM, registered by the first recording and pointed at the running one: a
     * stop disarms it and each attach re-arms it, so the late slots are not used up one per attach.
     */
    private static final AtomicReference<ExitReport> ARMED = new AtomicReference<>();
    private static boolean hookRegistered; // guarded by ExitReport.class
    private static boolean hookInLateSlot; // guarded by ExitReport.class

    ExitReport(Recording recording, Path jfr, Path html, AgentHealth health) {
        this.recording = recording;
        this.jfr = jfr;
        this.html = html;
        this.health = health;
    }

    void register(Instrumentation inst) {
        synchronized (ExitReport.class) {
            if (!hookRegistered) {
                hookInLateSlot = registerInLateSlot(inst);
                if (!hookInLateSlot) {
                    Runtime.getRuntime().addShutdownHook(new Thread(ExitReport::runArmed, "weft-exit"));
                }
                hookRegistered = true;
            }
            lateSlot = hookInLateSlot;
        }
        ARMED.set(this);
    }

    /** Takes this report from the exit hook, for a stop; false if the exit hook has already taken it. */
    boolean disarm() {
        return ARMED.compareAndSet(this, null);
    }

    /** The one exit hook of the JVM: renders the report of the recording running at exit, if any. */
    private static void runArmed() {
        ExitReport report = ARMED.getAndSet(null);
        if (report != null) {
            report.run();
        }
    }

    @Override
    public void run() {
        try {
            Recorder.ignoreCurrentThread();
            if (!awaitClosed()) {
                Console.line("report incomplete: the recording was not closed within "
                        + WAIT_FOR_JFR_MILLIS / 1000 + " s; the .jfr may still be usable: " + jfr);
                return;
            }
            Recorder.deactivate();
            report();
        } catch (Throwable t) {
            // the JDK swallows errors of slot hooks silently: say it ourselves, in one line
            Console.line("report failed: " + t + "; the recording is " + jfr);
        }
    }

    /**
     * Renders the HTML from the {@code .jfr} JFR has written and says where both are: at exit,
     * and when {@code java -jar agent.jar stop} ends a recording.
     *
     * @return whether a recording was there to report
     */
    boolean report() throws IOException, ReportException {
        if (!Files.isRegularFile(jfr) || Files.size(jfr) == 0) {
            Console.line("no recording was written to " + jfr);
            return false;
        }
        String health = healthNote();
        if (html == null) {
            Console.line("recording: " + jfr + health);
            return true;
        }
        ReportSummary summary = Reports.writeHtml(jfr, html);
        Console.line(describe(summary) + health);
        Console.line("report: " + html + "  (jfr: " + jfr + ")");
        return true;
    }

    /** "14 threads (4 platform, 10 virtual), 12 workload spans, 9 waits, phases: Sequential 1.00x, …". */
    static String describe(ReportSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(s.threads()).append(" threads (").append(s.platformThreads()).append(" platform, ")
                .append(s.virtualThreads()).append(" virtual), ").append(s.workloadSpans()).append(" workload spans, ")
                .append(s.waitSpans()).append(" waits");
        if (!s.phases().isEmpty()) {
            b.append("; phases:");
            for (ReportSummary.PhaseSummary p : s.phases()) {
                b.append(' ').append(dev.weft.reports.render.Format.safe(p.name(), 60)).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.0f ms %.2fx", p.wallMillis(), p.speedUp()))
                        .append(',');
            }
            b.setLength(b.length() - 1);
        }
        if (s.threadsAliveAtExit() > 0) {
            b.append("; ").append(s.threadsAliveAtExit()).append(" threads still running at exit (forgotten wait?)");
        }
        return b.toString();
    }

    private String healthNote() {
        long suppressed = Recorder.suppressedCount();
        int errors = health.transformErrors();
        if (suppressed == 0 && errors == 0) {
            return "";
        }
        return " — agent health: " + suppressed + " suppressed advice errors, " + errors + " transformation errors";
    }

    /** True once JFR has copied the data to the destination; stops the recording itself only when that is safe. */
    private boolean awaitClosed() throws InterruptedException {
        if (lateSlot && recording.getState() == RecordingState.RUNNING) {
            // in a late slot JFR's hook has already run; still RUNNING means it never will
            recording.stop();
            return true;
        }
        long deadline = System.nanoTime() + WAIT_FOR_JFR_MILLIS * 1_000_000;
        while (recording.getState() != RecordingState.CLOSED) {
            if (recording.getState() == RecordingState.STOPPED && lateSlot) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private boolean registerInLateSlot(Instrumentation inst) {
        try {
            Module base = Object.class.getModule();
            inst.redefineModule(base, Set.of(), Map.of("jdk.internal.access", Set.of(ExitReport.class.getModule())),
                    Map.of(), Set.of(), Map.of());
            Object jla = Class.forName("jdk.internal.access.SharedSecrets").getMethod("getJavaLangAccess").invoke(null);
            Method register = Class.forName("jdk.internal.access.JavaLangAccess")
                    .getMethod("registerShutdownHook", int.class, boolean.class, Runnable.class);
            for (int slot = FIRST_SLOT; slot >= LAST_SLOT; slot--) {
                try {
                    register.invoke(jla, slot, false, (Runnable) ExitReport::runArmed);
                    return true;
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof InternalError)) {
                        return false; // shutdown already in progress, or the API changed
                    }
                    // slot taken by someone else: try an earlier one
                }
            }
            return false;
        } catch (Throwable t) {
            return false;
        }
    }
}
