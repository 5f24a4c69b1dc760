package dev.weft.agent.start;

import dev.weft.agent.AgentHealth;
import dev.weft.agent.control.WeftSession;
import dev.weft.agent.record.WeftRecording;
import dev.weft.agent.weave.Installer;
import dev.weft.agent.weave.WeavingTransformer;
import dev.weft.agent.weave.WorkloadFilter;
import dev.weft.boot.AgentStatusEvent;
import dev.weft.boot.Recorder;
import dev.weft.boot.WorkloadEvent;
import dev.weft.boot.Workloads;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * Weft inside the JVM it observes, driven by a test framework (weft-junit) instead of the command
 * line. The one public entry into the agent for code running in the observed JVM; everything else in
 * {@code dev.weft.agent} is internal and may change.
 *
 * <p>How it is used:
 * <ol>
 * <li>{@link #current()}: Weft as {@code -javaagent} (or {@code attach}) started it, if it did. Else
 *     {@link #start(Instrumentation)} with any Instrumentation (e.g. byte-buddy-agent's self-attach):
 *     Weft then weaves the JDK's waits into this JVM, once, but records nothing of its own and writes
 *     no report at exit.</li>
 * <li>{@link #weave(String, ClassLoader)}: the methods a workload filter names become workload spans, until
 *     {@link Workload#remove()}.</li>
 * <li>{@link #startRun(String, Path)} on the thread that runs the code, then {@link Run#endSpan()} on
 *     the same thread and {@link Run#stop()}: a JFR recording of its own, with Weft's events, and one
 *     workload span for the run on that thread. One run at a time in a JVM: the recording sees every
 *     thread of the JVM.</li>
 * </ol>
 */
public final class WeftInProcess {

    /** Guarded by WeftInProcess.class. */
    private static WeftInProcess instance;

    private final Instrumentation inst;
    private final AgentHealth health;
    /** Whether a recording of Weft's own runs (-javaagent, attach): then the recorder is always on. */
    private final boolean session;
    private final AtomicBoolean running = new AtomicBoolean();

    private WeftInProcess(Instrumentation inst, AgentHealth health, boolean session) {
        this.inst = inst;
        this.health = health;
        this.session = session;
    }

    /** Weft in this JVM, if {@code -javaagent}, {@code attach} or {@link #start} started it; else null. */
    public static synchronized WeftInProcess current() {
        if (instance == null) {
            WeftSession running = AgentStarter.session();
            if (running != null) {
                instance = new WeftInProcess(running.instrumentation(), new AgentHealth(), true);
            }
        }
        return instance;
    }

    /**
     * Weft in this JVM: the one already there, or a new one that weaves the JDK's waits through
     * {@code inst}. Records nothing until {@link #startRun}.
     *
     * @throws IllegalStateException when Weft cannot run here, with the reason in one line
     */
    public static synchronized WeftInProcess start(Instrumentation inst) {
        WeftInProcess existing = current();
        if (existing != null) {
            return existing;
        }
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty() || !FlightRecorder.isAvailable()) {
            throw new IllegalStateException("JDK Flight Recorder is not available in this JVM");
        }
        try {
            BootBridge.install(inst);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new IllegalStateException("cannot put Weft's boot bridge on the bootstrap class path: " + e, e);
        }
        if (Recorder.isActive()) {
            // a Weft of another class loader records here and weaves the waits: weaving them twice would
            // double every wait span
            throw new IllegalStateException("another copy of the Weft agent records in this JVM (another class loader)");
        }
        AgentHealth health = new AgentHealth();
        Installer.install(inst, WorkloadFilter.none(), health, false, null);
        FlightRecorder.addPeriodicEvent(AgentStatusEvent.class, new WeftRecording.StatusHook(health, "in-process", "", ""));
        instance = new WeftInProcess(inst, health, false);
        return instance;
    }

    /** {@code "javaagent"} when a recording of Weft's own runs ({@code -javaagent}, attach), else {@code "in-process"}. */
    public String loadedBy() {
        return session ? "javaagent" : "in-process";
    }

    /**
     * Makes the methods {@code filter} names workload spans (JEP 520 filter syntax, as the agent's
     * {@code workload=}), classes already loaded included. The classes the filter names outright are
     * loaded through {@code loader} now, so that they are woven before anything is recorded; one that
     * cannot be found is a problem, as is an entry that is not valid.
     */
    public Workload weave(String filter, ClassLoader loader) {
        WorkloadFilter parsed = WorkloadFilter.parse(filter);
        List<String> problems = new ArrayList<>(parsed.problems());
        WeavingTransformer transformer = parsed.isEmpty() ? null : Installer.installWorkload(inst, parsed, health);
        for (WorkloadFilter.Entry e : parsed.entries()) {
            if (e.className() != null) {
                try {
                    Class.forName(e.className(), false, loader);
                } catch (ClassNotFoundException | LinkageError notThere) {
                    problems.add("workload filter entry '" + e.text() + "' names a class that is not there: " + e.className());
                }
            }
        }
        return new Workload(problems, transformer);
    }

    /**
     * Starts recording a run, on the thread that runs it: a JFR recording of its own with Weft's events,
     * written to {@code jfr} when the run stops, and a workload span named {@code method}
     * ({@code pkg.Class::name}) on this thread.
     *
     * @throws IllegalStateException when another run is recording in this JVM
     */
    public Run startRun(String method, Path jfr) throws IOException {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("another run is recording in this JVM");
        }
        try {
            Recording recording = new Recording(WeftRecording.agentSettings(false));
            recording.setName("weft-run");
            recording.setToDisk(true);
            recording.setDestination(jfr);
            recording.start();
            if (!session) {
                Recorder.activate();
            }
            return new Run(recording, Workloads.begin(method), Thread.currentThread());
        } catch (IOException | RuntimeException | Error e) {
            running.set(false);
            throw e;
        }
    }

    /** The workload methods {@link #weave} added. */
    public final class Workload {
        private final List<String> problems;
        private WeavingTransformer transformer;

        private Workload(List<String> problems, WeavingTransformer transformer) {
            this.problems = List.copyOf(problems);
            this.transformer = transformer;
        }

        /** What was wrong with the filter, one line per entry left out. */
        public List<String> problems() {
            return problems;
        }

        /** Gives the classes woven for this filter their own code back. */
        public synchronized void remove() {
            if (transformer != null) {
                transformer.uninstall(inst);
                transformer = null;
            }
        }
    }

    /** A run being recorded. */
    public final class Run {
        private final Recording recording;
        private final WorkloadEvent span;
        private final Thread thread;
        private boolean spanEnded;
        private boolean stopped;

        private Run(Recording recording, WorkloadEvent span, Thread thread) {
            this.recording = recording;
            this.span = span;
            this.thread = thread;
        }

        /**
         * Ends the run's span, on the run's thread. The recording goes on until {@link #stop()}, so that it
         * sees the run's threads end (the JVM's thread events); Weft's own advice records no more.
         */
        public synchronized void endSpan() {
            if (spanEnded) {
                return;
            }
            spanEnded = true;
            if (Thread.currentThread() == thread) {
                Workloads.end(span);
            }
            if (!session) {
                Recorder.deactivate();
            }
        }

        /** Ends the run's span if still open, and its recording, which JFR writes to the file given. */
        public synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            try {
                endSpan();
                recording.stop();
            } finally {
                recording.close();
                running.set(false);
            }
        }
    }
}
