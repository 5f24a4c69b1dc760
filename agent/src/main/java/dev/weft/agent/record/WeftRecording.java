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
            enable(s, span, "0 ms", stack);
        }
        for (String instant : new String[] {"weft.Wake", "weft.ThreadStart", "weft.ThreadAliveAtExit",
                "weft.VirtualThreadBlocked"}) {
            enable(s, instant, null, "false");
        }
        enable(s, "weft.AgentStatus", null, null);
        s.put("weft.AgentStatus#period", "everyChunk");
        // who is blocked right now: a wait's own event comes only when it ends
        enable(s, "weft.WaitSample", null, null);
        s.put("weft.WaitSample#period", SAMPLE_PERIOD);
        enable(s, "weft.WaitInProgress", null, "false");
        // thread lifecycle, platform and virtual, with the parent of platform threads
        for (String lifecycle : new String[] {"jdk.ThreadStart", "jdk.ThreadEnd", "jdk.VirtualThreadStart",
                "jdk.VirtualThreadEnd"}) {
            enable(s, lifecycle, null, null);
        }
        // JFR's own shutdown hook commits it: the recording lasted until the JVM exited, so a thread
        // seen to start and never to end was cut short
        enable(s, "jdk.Shutdown", null, "false");
        // the JVM's own view of waiting: a fallback under Weft's API-level spans, and the only
        // source for contended synchronized entry
        enable(s, "jdk.ThreadSleep", "10 ms", stack);
        enable(s, "jdk.ThreadPark", "10 ms", stack);
        enable(s, "jdk.JavaMonitorWait", "0 ms", stack); // names the notifier: the waker of a monitor wait
        enable(s, "jdk.JavaMonitorEnter", "1 ms", stack);
        // blocking I/O: JFR's own events see a platform thread blocked in native code, where no park
        // is; 1 ms keeps the reads and writes that did not wait out (measured: bench/RESULTS.md)
        for (String io : IO_EVENTS) {
            enable(s, io, "1 ms", stack);
        }
        // a virtual thread pinned to its carrier: always with the stack, for the frame that pinned it is
        // what people look for
        enable(s, "jdk.VirtualThreadPinned", "1 ms", "true");
        return s;
    }

    /** Enables {@code event}, with its threshold and its stack trace setting unless they are {@code null}. */
    private static void enable(Map<String, String> s, String event, String threshold, String stackTrace) {
        s.put(event + "#enabled", "true");
        if (threshold != null) {
            s.put(event + "#threshold", threshold);
        }
        if (stackTrace != null) {
            s.put(event + "#stackTrace", stackTrace);
        }
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

    /**
     * Commits weft.AgentStatus at the start and end of every chunk, so the last one has the final counts.
     *
     * @param began when the agent's recording started, epoch milliseconds; 0 for none
     * @param maxAge JFR's maxage in milliseconds; 0 for none
     * @param maxSize JFR's maxsize in bytes; 0 for none
     */
    public record StatusHook(AgentHealth health, String options, String filter, String phases, long began, long maxAge,
                             long maxSize) implements Runnable {

        /** The status of Weft in a JVM whose recordings are not the agent's (in-process runs): no limits, no start. */
        public StatusHook(AgentHealth health, String options, String filter, String phases) {
            this(health, options, filter, phases, 0, 0, 0);
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
