package dev.weft.reports.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;

/**
 * The names of the agent's JFR events and of their fields: the one definition the agent writes with
 * (its event classes name themselves and their fields with these constants, inlined at compile time,
 * so nothing of this class reaches the bootstrap class path) and the reader reads with. A field renamed
 * on one side only no longer compiles, or fails the schema tests on both sides.
 */
public final class WeftSchema {

    /** JFR type names. */
    static final String STRING = "java.lang.String";
    static final String CLASS = "java.lang.Class";
    static final String THREAD = "java.lang.Thread";
    /** What the agent's event names begin with. */
    static final String PREFIX = "weft.";

    private WeftSchema() {
    }

    /** {@code weft.Workload}: a call of a method selected as workload. */
    public static final class Workload {
        public static final String NAME = "weft.Workload";
        public static final String METHOD = "method";

        private Workload() {
        }
    }

    /** {@code weft.Wait}: a wait at the API the application called. */
    public static final class Wait {
        public static final String NAME = "weft.Wait";
        public static final String KIND = "kind";
        public static final String API = "api";
        public static final String BLOCKER_CLASS = "blockerClass";
        public static final String BLOCKER_ID = "blockerId";
        public static final String TARGET_THREAD = "targetThread";
        public static final String TIMED = "timed";
        public static final String DETAIL = "detail";

        private Wait() {
        }
    }

    /** {@code weft.Wake}: the event thread released another from a wait. */
    public static final class Wake {
        public static final String NAME = "weft.Wake";
        public static final String WOKEN_THREAD = "wokenThread";
        public static final String BLOCKER_ID = "blockerId";
        public static final String HOW = "how";

        private Wake() {
        }
    }

    /** {@code weft.ThreadStart}: the event thread started another thread. */
    public static final class ThreadStart {
        public static final String NAME = "weft.ThreadStart";
        public static final String STARTED_THREAD = "startedThread";
        public static final String STARTED_THREAD_ID = "startedThreadId";
        public static final String STARTED_THREAD_NAME = "startedThreadName";
        public static final String VIRTUAL = "virtual";
        public static final String DAEMON = "daemon";
        public static final String THREAD_CLASS = "threadClass";
        public static final String SYSTEM = "system";

        private ThreadStart() {
        }
    }

    /** {@code weft.ThreadAliveAtExit}: a thread still running when the JVM began to shut down. */
    public static final class ThreadAliveAtExit {
        public static final String NAME = "weft.ThreadAliveAtExit";
        public static final String THREAD = "thread";
        public static final String THREAD_ID = "threadId";
        public static final String THREAD_NAME = "threadName";
        public static final String VIRTUAL = "virtual";
        public static final String DAEMON = "daemon";
        public static final String STATE = "state";
        public static final String ACTIVITY = "activity";

        private ThreadAliveAtExit() {
        }
    }

    /** {@code weft.AgentStatus}: the agent's health. */
    public static final class AgentStatus {
        public static final String NAME = "weft.AgentStatus";
        public static final String VERSION = "version";
        public static final String OPTIONS = "options";
        public static final String WORKLOAD_FILTER = "workloadFilter";
        public static final String INSTRUMENTED_TYPES = "instrumentedTypes";
        public static final String TRANSFORM_ERRORS = "transformErrors";
        /** Each type the agent meant to instrument and could not, with the reason. */
        public static final String FAILED_TYPES = "failedTypes";
        public static final String SUPPRESSED_ERRORS = "suppressedErrors";
        /** The first Throwable swallowed inside the advice, with its stack trace. */
        public static final String FIRST_SUPPRESSED_ERROR = "firstSuppressedError";
        public static final String STARTUP_MILLIS = "startupMillis";
        public static final String PHASE_FILTER = "phaseFilter";
        /** When the agent's recording began, epoch milliseconds, and the limits it ran under (0: none). */
        public static final String RECORDING_START = "recordingStart";
        public static final String MAX_AGE = "maxAge";
        public static final String MAX_SIZE = "maxSize";
        /**
         * The files and directories the agent reads and writes while it records (its jar, the boot
         * bridge, the weaving cache, the marker directory), one per line: the JVM's file events on
         * them are the agent's doing, not the application's waits.
         */
        public static final String OWN_FILES = "ownFiles";

        private AgentStatus() {
        }
    }

    /** {@code weft.VirtualThreadBlocked}: JDK 24+, a virtual thread unmounted to wait for a monitor. */
    public static final class VirtualThreadBlocked {
        public static final String NAME = "weft.VirtualThreadBlocked";
        public static final String VIRTUAL_THREAD = "virtualThread";

        private VirtualThreadBlocked() {
        }
    }

    /** {@code weft.WaitInProgress}: a wait still in progress when a wait sample was taken (who is blocked now). */
    public static final class WaitInProgress {
        public static final String NAME = "weft.WaitInProgress";
        public static final String SAMPLE = "sample";
        public static final String THREAD = "thread";
        public static final String THREAD_ID = "threadId";
        public static final String THREAD_NAME = "threadName";
        public static final String KIND = "kind";
        public static final String API = "api";
        /** The class's name: the sampler also lists monitors the JVM names only as text. */
        public static final String BLOCKER_CLASS = "blockerClass";
        public static final String BLOCKER_ID = "blockerId";
        public static final String TARGET_THREAD_ID = "targetThreadId";
        /** When the wait began, in JFR's ticks ({@code @Timestamp(TICKS)}); 0 when unknown. */
        public static final String SINCE = "since";

        private WaitInProgress() {
        }
    }

    /** {@code weft.WaitSample}: closes a sample's list of waits in progress, also when it is empty. */
    public static final class WaitSample {
        public static final String NAME = "weft.WaitSample";
        public static final String SAMPLE = "sample";
        public static final String IN_PROGRESS = "inProgress";
        public static final String LISTED = "listed";

        private WaitSample() {
        }
    }

    /** Every agent event: its name, then its own fields (JFR's implicit ones left out) with their JFR types. */
    public static Map<String, Map<String, String>> events() {
        Map<String, Map<String, String>> events = new LinkedHashMap<>();
        events.put(Workload.NAME, fields(Workload.METHOD, STRING));
        events.put(Wait.NAME, fields(Wait.KIND, STRING, Wait.API, STRING, Wait.BLOCKER_CLASS, CLASS,
                Wait.BLOCKER_ID, "int", Wait.TARGET_THREAD, THREAD, Wait.TIMED, "boolean", Wait.DETAIL, STRING));
        events.put(Wake.NAME, fields(Wake.WOKEN_THREAD, THREAD, Wake.BLOCKER_ID, "int", Wake.HOW, STRING));
        events.put(ThreadStart.NAME, fields(ThreadStart.STARTED_THREAD, THREAD, ThreadStart.STARTED_THREAD_ID, "long",
                ThreadStart.STARTED_THREAD_NAME, STRING, ThreadStart.VIRTUAL, "boolean", ThreadStart.DAEMON, "boolean",
                ThreadStart.THREAD_CLASS, CLASS, ThreadStart.SYSTEM, "boolean"));
        events.put(ThreadAliveAtExit.NAME, fields(ThreadAliveAtExit.THREAD, THREAD, ThreadAliveAtExit.THREAD_ID, "long",
                ThreadAliveAtExit.THREAD_NAME, STRING, ThreadAliveAtExit.VIRTUAL, "boolean",
                ThreadAliveAtExit.DAEMON, "boolean", ThreadAliveAtExit.STATE, STRING, ThreadAliveAtExit.ACTIVITY, STRING));
        events.put(AgentStatus.NAME, fields(AgentStatus.VERSION, STRING, AgentStatus.OPTIONS, STRING,
                AgentStatus.WORKLOAD_FILTER, STRING, AgentStatus.INSTRUMENTED_TYPES, "int",
                AgentStatus.TRANSFORM_ERRORS, "int", AgentStatus.FAILED_TYPES, STRING, AgentStatus.SUPPRESSED_ERRORS, "long",
                AgentStatus.FIRST_SUPPRESSED_ERROR, STRING, AgentStatus.STARTUP_MILLIS, "long",
                AgentStatus.PHASE_FILTER, STRING, AgentStatus.RECORDING_START, "long", AgentStatus.MAX_AGE, "long",
                AgentStatus.MAX_SIZE, "long", AgentStatus.OWN_FILES, STRING));
        events.put(VirtualThreadBlocked.NAME, fields(VirtualThreadBlocked.VIRTUAL_THREAD, THREAD));
        events.put(WaitInProgress.NAME, fields(WaitInProgress.SAMPLE, "long", WaitInProgress.THREAD, THREAD,
                WaitInProgress.THREAD_ID, "long", WaitInProgress.THREAD_NAME, STRING, WaitInProgress.KIND, STRING,
                WaitInProgress.API, STRING, WaitInProgress.BLOCKER_CLASS, STRING, WaitInProgress.BLOCKER_ID, "int",
                WaitInProgress.TARGET_THREAD_ID, "long", WaitInProgress.SINCE, "long"));
        events.put(WaitSample.NAME, fields(WaitSample.SAMPLE, "long", WaitSample.IN_PROGRESS, "int",
                WaitSample.LISTED, "int"));
        return events;
    }

    /**
     * How an event type differs from the schema: a missing or extra field, or a field of another type;
     * empty when it matches (or is not an agent event). JFR's implicit fields are not compared.
     */
    public static List<String> mismatches(EventType type) {
        Map<String, String> expected = events().get(type.getName());
        List<String> problems = new ArrayList<>();
        if (expected == null) {
            return problems;
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (ValueDescriptor field : type.getFields()) {
            if (!IMPLICIT.contains(field.getName())) {
                actual.put(field.getName(), field.getTypeName());
            }
        }
        compare(type.getName(), expected, actual, problems);
        return problems;
    }

    /** The fields JFR adds to every event type (depending on its settings). */
    static final List<String> IMPLICIT = List.of("startTime", "duration", "eventThread", "stackTrace");

    static void compare(String event, Map<String, String> expected, Map<String, String> actual, List<String> problems) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String type = actual.get(e.getKey());
            if (type == null) {
                problems.add(event + " has no field " + e.getKey());
            } else if (!type.equals(e.getValue())) {
                problems.add(event + "." + e.getKey() + " is a " + type + ", not a " + e.getValue());
            }
        }
        for (String field : actual.keySet()) {
            if (!expected.containsKey(field)) {
                problems.add(event + " has a field " + field + " the schema does not know");
            }
        }
    }

    /** The warning a mismatch gives in the report. */
    static String warning(String problem) {
        return problem + ": the recording was made by another version of the agent, and the report may miss what "
                + "that field held";
    }

    private static Map<String, String> fields(String... nameThenType) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenType.length; i += 2) {
            fields.put(nameThenType[i], nameThenType[i + 1]);
        }
        return fields;
    }
}
