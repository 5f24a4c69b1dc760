package dev.weft.agent.exit;

import dev.weft.agent.Console;
import dev.weft.boot.AgentThread;
import dev.weft.boot.Recorder;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Decides <em>when</em> the exit report may be written: after JFR has copied the recording to its
 * destination, and never by stopping or reading the recording while JFR's own shutdown hook may be
 * working on it — that race leaves a 0-byte file (docs/DESIGN.md, "Exit sequence"). The hook runs
 * after every application hook, JFR's included, in a late system shutdown slot; where that internal
 * API is unavailable it falls back to an ordinary hook that only waits, bounded, for CLOSED.
 */
public final class ExitHook {

    private static final long WAIT_FOR_JFR_MILLIS = 10_000;
    private static final int FIRST_SLOT = 9;
    private static final int LAST_SLOT = 3; // 0–2 belong to the JDK

    /**
     * One exit hook per JVM, registered by the first recording and pointed at the running one: a
     * stop disarms it and each attach re-arms it, so the late slots are not used up one per attach.
     */
    private static final AtomicReference<ExitHook> ARMED = new AtomicReference<>();
    private static boolean hookRegistered; // guarded by ExitHook.class
    private static boolean hookInLateSlot; // guarded by ExitHook.class

    private final Recording recording;
    private final ExitReport report;
    private volatile boolean lateSlot;

    public ExitHook(Recording recording, ExitReport report) {
        this.recording = recording;
        this.report = report;
    }

    /** Arms the JVM's one exit hook with this recording, registering the hook on first use. */
    public void register(Instrumentation inst) {
        synchronized (ExitHook.class) {
            if (!hookRegistered) {
                hookInLateSlot = registerInLateSlot(inst);
                if (!hookInLateSlot) {
                    Runtime.getRuntime().addShutdownHook(AgentThread.create(ExitHook::runArmed, "weft-exit"));
                }
                hookRegistered = true;
            }
            lateSlot = hookInLateSlot;
        }
        ARMED.set(this);
    }

    /** Takes this recording from the exit hook, for a stop; false if the exit hook has already taken it. */
    public boolean disarm() {
        return ARMED.compareAndSet(this, null);
    }

    /** The report this hook writes at exit; a stop writes it itself. */
    public ExitReport report() {
        return report;
    }

    /** The one exit hook of the JVM: renders the report of the recording running at exit, if any. */
    private static void runArmed() {
        ExitHook armed = ARMED.getAndSet(null);
        if (armed != null) {
            armed.atExit();
        }
    }

    private void atExit() {
        long deadline = System.nanoTime() + report.timeoutMillis() * 1_000_000L;
        try {
            Recorder.ignoreCurrentThread();
            if (!awaitClosed()) {
                Console.line("report incomplete: the recording was not closed within "
                        + WAIT_FOR_JFR_MILLIS / 1000 + " s; the .jfr may still be usable: " + report.jfr());
                return;
            }
            Recorder.deactivate();
            // one budget for the whole exit: JFR's copy took part of it, the rendering gets the rest
            report.write(deadline);
        } catch (Throwable t) {
            // the JDK swallows errors of slot hooks silently: say it ourselves, in one line
            Console.line("report failed: " + t + "; the recording is " + report.jfr());
        }
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

    private static boolean registerInLateSlot(Instrumentation inst) {
        try {
            Module base = Object.class.getModule();
            inst.redefineModule(base, Set.of(), Map.of("jdk.internal.access", Set.of(ExitHook.class.getModule())),
                    Map.of(), Set.of(), Map.of());
            Object jla = Class.forName("jdk.internal.access.SharedSecrets").getMethod("getJavaLangAccess").invoke(null);
            Method register = Class.forName("jdk.internal.access.JavaLangAccess")
                    .getMethod("registerShutdownHook", int.class, boolean.class, Runnable.class);
            for (int slot = FIRST_SLOT; slot >= LAST_SLOT; slot--) {
                try {
                    register.invoke(jla, slot, false, (Runnable) ExitHook::runArmed);
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
