package dev.weft.agent.record;

import dev.weft.agent.AgentHealth;
import dev.weft.agent.Version;
import dev.weft.boot.AgentStatusEvent;
import dev.weft.boot.Recorder;
import dev.weft.boot.WaitSampleEvent;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * The agent's own JFR recording: Weft's events plus the JVM's thread and wait events, written
 * to disk and dumped to the destination by JFR itself when the JVM exits (DESIGN §5).
 */
public final class WeftRecording {

    /**
     * The running recording's weft.AgentStatus hook; removed when a session stops, so that the
     * recording of a later attach holds only its own status.
     */
    private static volatile Runnable statusHook;
    private static volatile Runnable sampleHook;

    /** How often the waits in progress are sampled: JFR flushes to disk about once a second anyway. */
    static final String SAMPLE_PERIOD = "1 s";

    private static final String[] IO_EVENTS = {"jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite"};

    private WeftRecording() { }

    /** Weft's event selection; the same as the shipped weft.jfc. */
    public static Map<String, String> settings(boolean stacks) {
        Map<String, String> s = new LinkedHashMap<>();
        String stack = Boolean.toString(stacks);
        for (String span : new String[] {"weft.Wait", "weft.Workload"}) {
            s.put(span + "#enabled", "true");
            s.put(span + "#threshold", "0 ms");
            s.put(span + "#stackTrace", stack);
        }
        for (String instant : new String[] {"weft.Wake", "weft.ThreadStart", "weft.ThreadAliveAtExit",
                "weft.VirtualThreadBlocked"}) {
            s.put(instant + "#enabled", "true");
            s.put(instant + "#stackTrace", "false");
        }
        s.put("weft.AgentStatus#enabled", "true");
        s.put("weft.AgentStatus#period", "everyChunk");
        // who is blocked right now: a wait's own event comes only when it ends
        s.put("weft.WaitSample#enabled", "true");
        s.put("weft.WaitSample#period", SAMPLE_PERIOD);
        s.put("weft.WaitInProgress#enabled", "true");
        s.put("weft.WaitInProgress#stackTrace", "false");
        // thread lifecycle, platform and virtual, with the parent of platform threads
        s.put("jdk.ThreadStart#enabled", "true");
        s.put("jdk.ThreadEnd#enabled", "true");
        s.put("jdk.VirtualThreadStart#enabled", "true");
        s.put("jdk.VirtualThreadEnd#enabled", "true");
        // JFR's own shutdown hook commits it: the recording lasted until the JVM exited, so a thread
        // seen to start and never to end was cut short
        s.put("jdk.Shutdown#enabled", "true");
        s.put("jdk.Shutdown#stackTrace", "false");
        // the JVM's own view of waiting: a fallback under Weft's API-level spans, and the only
        // source for contended synchronized entry
        s.put("jdk.ThreadSleep#enabled", "true");
        s.put("jdk.ThreadSleep#threshold", "10 ms");
        s.put("jdk.ThreadPark#enabled", "true");
        s.put("jdk.ThreadPark#threshold", "10 ms");
        s.put("jdk.JavaMonitorWait#enabled", "true");
        s.put("jdk.JavaMonitorWait#threshold", "0 ms"); // names the notifier: the waker of a monitor wait
        s.put("jdk.JavaMonitorEnter#enabled", "true");
        s.put("jdk.JavaMonitorEnter#threshold", "1 ms");
        // blocking I/O: JFR's own events see a platform thread blocked in native code, where no park
        // is; 1 ms keeps the reads and writes that did not wait out (measured: bench/RESULTS.md)
        for (String io : IO_EVENTS) {
            s.put(io + "#enabled", "true");
            s.put(io + "#threshold", "1 ms");
        }
        for (String e : new String[] {"jdk.ThreadSleep", "jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter",
                IO_EVENTS[0], IO_EVENTS[1], IO_EVENTS[2], IO_EVENTS[3]}) {
            s.put(e + "#stackTrace", stack);
        }
        // a virtual thread pinned to its carrier: always with the stack, for the frame that pinned it is
        // what people look for
        s.put("jdk.VirtualThreadPinned#enabled", "true");
        s.put("jdk.VirtualThreadPinned#threshold", "1 ms");
        s.put("jdk.VirtualThreadPinned#stackTrace", "true");
        return s;
    }

    /**
     * The agent's own recording: {@link #settings} (the .jfc, for recordings made without the agent)
     * with the JVM's sleep event set to complement the advice. From JDK 19 on {@code Thread.sleep} is
     * Java code the advice wraps, and a second event per sleep would only double the volume; on 17
     * {@code sleep(long)} is native, which advice cannot wrap, so the JVM's event records every sleep.
     */
    public static Map<String, String> agentSettings(boolean stacks) {
        Map<String, String> s = settings(stacks);
        if (sleepIsWoven()) {
            s.put("jdk.ThreadSleep#enabled", "false");
        } else {
            s.put("jdk.ThreadSleep#threshold", "0 ms");
        }
        return s;
    }

    private static boolean sleepIsWoven() {
        try {
            return !Modifier.isNative(Thread.class.getMethod("sleep", long.class).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Starts the agent's recording to {@code jfr}. JFR keeps at most {@code maxSize} bytes and
     * {@code maxAgeMillis} of data on disk (0: no limit), dropping the oldest chunks first, so a server
     * recorded for a week never fills its disk; the dump at exit holds what is left.
     */
    public static Recording start(Path jfr, boolean stacks, long maxSize, long maxAgeMillis, AgentHealth health,
                                  String options, String filter, String phases) throws IOException {
        long began = System.currentTimeMillis();
        Runnable status = new StatusHook(health, options, filter, phases, began, maxAgeMillis, maxSize);
        FlightRecorder.addPeriodicEvent(AgentStatusEvent.class, status);
        statusHook = status;
        Runnable sampler = new WaitSampler();
        FlightRecorder.addPeriodicEvent(WaitSampleEvent.class, sampler);
        sampleHook = sampler;
        Recording r = new Recording(agentSettings(stacks));
        r.setName("weft");
        r.setToDisk(true);
        r.setDestination(jfr);
        r.setDumpOnExit(true);
        if (maxSize > 0) {
            r.setMaxSize(maxSize);
        }
        if (maxAgeMillis > 0) {
            r.setMaxAge(Duration.ofMillis(maxAgeMillis));
        }
        r.start();
        return r;
    }

    /** Call after the recording stopped: its last chunk already holds the final status. */
    public static void removeHooks() {
        Runnable status = statusHook;
        statusHook = null;
        if (status != null) {
            FlightRecorder.removePeriodicEvent(status);
        }
        Runnable sampler = sampleHook;
        sampleHook = null;
        if (sampler != null) {
            FlightRecorder.removePeriodicEvent(sampler);
        }
    }

    /** Commits weft.AgentStatus at the start and end of every chunk, so the last one has the final counts. */
    public static final class StatusHook implements Runnable {
        private final AgentHealth health;
        private final String options;
        private final String filter;
        private final String phases;
        private final long began;
        private final long maxAge;
        private final long maxSize;

        /** The status of Weft in a JVM whose recordings are not the agent's (in-process runs): no limits, no start. */
        public StatusHook(AgentHealth health, String options, String filter, String phases) {
            this(health, options, filter, phases, 0, 0, 0);
        }

        StatusHook(AgentHealth health, String options, String filter, String phases, long began, long maxAge,
                   long maxSize) {
            this.health = health;
            this.options = options;
            this.filter = filter;
            this.phases = phases;
            this.began = began;
            this.maxAge = maxAge;
            this.maxSize = maxSize;
        }

        @Override
        public void run() {
            AgentStatusEvent e = new AgentStatusEvent();
            e.version = Version.VALUE;
            e.options = options;
            e.workloadFilter = filter;
            e.phaseFilter = phases;
            e.instrumentedTypes = health.instrumentedTypes();
            e.transformErrors = health.transformErrors();
            e.failedTypes = health.failedTypes();
            e.suppressedErrors = Recorder.suppressedCount();
            e.firstSuppressedError = AgentHealth.stackText(Recorder.firstSuppressed());
            e.startupMillis = health.startupMillis;
            e.ownFiles = health.ownFiles;
            e.recordingStart = began;
            e.maxAge = maxAge;
            e.maxSize = maxSize;
            e.commit();
        }
    }
}
