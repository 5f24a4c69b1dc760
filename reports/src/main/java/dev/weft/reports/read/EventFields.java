package dev.weft.reports.read;

import dev.weft.reports.read.WeftSchema.AgentStatus;
import dev.weft.reports.read.WeftSchema.ThreadAliveAtExit;
import dev.weft.reports.read.WeftSchema.ThreadStart;
import dev.weft.reports.read.WeftSchema.VirtualThreadBlocked;
import dev.weft.reports.read.WeftSchema.WaitInProgress;
import dev.weft.reports.read.WeftSchema.WaitSample;
import dev.weft.reports.read.WeftSchema.Wait;
import dev.weft.reports.read.WeftSchema.Wake;
import dev.weft.reports.read.WeftSchema.Workload;

import java.util.Map;

/**
 * The event types the report reads, each with a code, and the fields it reads of them, each with a
 * small number: both parsers look a field up once per event type, not by name once per event.
 */
final class EventFields {

    // event codes
    static final int OTHER = 0;
    static final int WORKLOAD = 1;
    static final int WAIT = 2;
    static final int WAKE = 3;
    static final int WEFT_THREAD_START = 4;
    static final int ALIVE_AT_EXIT = 5;
    static final int AGENT_STATUS = 6;
    static final int THREAD_START = 7;
    static final int THREAD_END = 8;
    static final int VIRTUAL_START = 9;
    static final int VIRTUAL_END = 10;
    static final int SLEEP = 11;
    static final int PARK = 12;
    static final int MONITOR_WAIT = 13;
    static final int MONITOR_ENTER = 14;
    static final int DATA_LOSS = 15;
    /** JFR's blocking socket and file I/O events. */
    static final int SOCKET_IO = 16;
    static final int FILE_IO = 17;
    /** JFR's virtual thread pinned to its carrier. */
    static final int PINNED = 18;
    /** JDK 24+: a virtual thread blocked on a monitor, from the agent. */
    static final int VIRTUAL_BLOCKED = 19;
    /** The agent's wait sample: the waits in progress at a moment, then the sample that closes the list. */
    static final int WAIT_IN_PROGRESS = 20;
    static final int WAIT_SAMPLE = 21;
    static final int CODES = 22;

    /** jdk.ThreadPark's blocker class when a pool worker waits for work on its pool. */
    static final String IDLE_PARK_CLASS = "java.util.concurrent.ForkJoinPool";

    private static final Map<String, Integer> CODE_OF = Map.ofEntries(
            Map.entry(Workload.NAME, WORKLOAD),
            Map.entry(Wait.NAME, WAIT),
            Map.entry(Wake.NAME, WAKE),
            Map.entry(ThreadStart.NAME, WEFT_THREAD_START),
            Map.entry(ThreadAliveAtExit.NAME, ALIVE_AT_EXIT),
            Map.entry(AgentStatus.NAME, AGENT_STATUS),
            Map.entry("jdk.ThreadStart", THREAD_START),
            Map.entry("jdk.ThreadEnd", THREAD_END),
            Map.entry("jdk.VirtualThreadStart", VIRTUAL_START),
            Map.entry("jdk.VirtualThreadEnd", VIRTUAL_END),
            Map.entry("jdk.ThreadSleep", SLEEP),
            Map.entry("jdk.ThreadPark", PARK),
            Map.entry("jdk.JavaMonitorWait", MONITOR_WAIT),
            Map.entry("jdk.JavaMonitorEnter", MONITOR_ENTER),
            Map.entry("jdk.DataLoss", DATA_LOSS),
            Map.entry("jdk.SocketRead", SOCKET_IO),
            Map.entry("jdk.SocketWrite", SOCKET_IO),
            Map.entry("jdk.FileRead", FILE_IO),
            Map.entry("jdk.FileWrite", FILE_IO),
            Map.entry("jdk.VirtualThreadPinned", PINNED),
            Map.entry(VirtualThreadBlocked.NAME, VIRTUAL_BLOCKED),
            Map.entry(WaitInProgress.NAME, WAIT_IN_PROGRESS),
            Map.entry(WaitSample.NAME, WAIT_SAMPLE));

    // fields, by the name they have in the event types above
    static final int EVENT_THREAD = 0;
    static final int STACK_TRACE = 1;
    static final int METHOD = 2;
    static final int KIND = 3;
    static final int API = 4;
    static final int BLOCKER_CLASS = 5;
    static final int BLOCKER_ID = 6;
    static final int TARGET_THREAD = 7;
    static final int TIMED = 8;
    static final int WOKEN_THREAD = 9;
    static final int HOW = 10;
    static final int STARTED_THREAD = 11;
    static final int STARTED_THREAD_ID = 12;
    static final int STARTED_THREAD_NAME = 13;
    static final int VIRTUAL = 14;
    static final int DAEMON = 15;
    static final int THREAD = 16;
    static final int THREAD_ID = 17;
    static final int THREAD_NAME = 18;
    static final int STATE = 19;
    static final int ACTIVITY = 20;
    static final int VERSION = 21;
    static final int OPTIONS = 22;
    static final int WORKLOAD_FILTER = 23;
    static final int INSTRUMENTED_TYPES = 24;
    static final int TRANSFORM_ERRORS = 25;
    static final int SUPPRESSED_ERRORS = 26;
    static final int STARTUP_MILLIS = 27;
    static final int PARENT_THREAD = 28;
    static final int JAVA_THREAD_ID = 29;
    static final int TIMEOUT = 30;
    static final int UNTIL = 31;
    static final int PARKED_CLASS = 32;
    static final int MONITOR_CLASS = 33;
    static final int NOTIFIER = 34;
    static final int PREVIOUS_OWNER = 35;
    static final int AMOUNT = 36;
    static final int ALIVE_VIRTUAL = 37;
    static final int ALIVE_DAEMON = 38;
    static final int WAKE_BLOCKER_ID = 39;
    static final int DETAIL = 40;
    static final int THREAD_CLASS = 41;
    static final int SYSTEM = 42;
    static final int PHASE_FILTER = 43;
    static final int VIRTUAL_THREAD = 44;
    static final int IO_HOST = 45;
    static final int IO_ADDRESS = 46;
    static final int IO_PORT = 47;
    static final int IO_PATH = 48;
    static final int PINNED_REASON = 49;
    static final int FAILED_TYPES = 50;
    static final int FIRST_SUPPRESSED_ERROR = 51;
    static final int SAMPLE = 52;
    static final int IN_PROGRESS = 53;
    static final int LISTED = 54;
    static final int TARGET_THREAD_ID = 55;
    /** A wait in progress: when it began, a timestamp in ticks. */
    static final int SINCE = 56;
    static final int RECORDING_START = 57;
    static final int MAX_AGE = 58;
    static final int MAX_SIZE = 59;
    static final int OWN_FILES = 60;
    static final int FIELDS = 61;

    /** Field names by number. */
    static final String[] NAMES = new String[FIELDS];

    static {
        NAMES[EVENT_THREAD] = "eventThread";
        NAMES[STACK_TRACE] = "stackTrace";
        NAMES[METHOD] = Workload.METHOD;
        NAMES[KIND] = Wait.KIND;
        NAMES[API] = Wait.API;
        NAMES[BLOCKER_CLASS] = Wait.BLOCKER_CLASS;
        NAMES[BLOCKER_ID] = Wait.BLOCKER_ID;
        NAMES[TARGET_THREAD] = Wait.TARGET_THREAD;
        NAMES[TIMED] = Wait.TIMED;
        NAMES[WOKEN_THREAD] = Wake.WOKEN_THREAD;
        NAMES[HOW] = Wake.HOW;
        NAMES[STARTED_THREAD] = ThreadStart.STARTED_THREAD;
        NAMES[STARTED_THREAD_ID] = ThreadStart.STARTED_THREAD_ID;
        NAMES[STARTED_THREAD_NAME] = ThreadStart.STARTED_THREAD_NAME;
        NAMES[VIRTUAL] = ThreadStart.VIRTUAL;
        NAMES[DAEMON] = ThreadStart.DAEMON;
        NAMES[THREAD] = ThreadAliveAtExit.THREAD;
        NAMES[THREAD_ID] = ThreadAliveAtExit.THREAD_ID;
        NAMES[THREAD_NAME] = ThreadAliveAtExit.THREAD_NAME;
        NAMES[STATE] = ThreadAliveAtExit.STATE;
        NAMES[ACTIVITY] = ThreadAliveAtExit.ACTIVITY;
        NAMES[VERSION] = AgentStatus.VERSION;
        NAMES[OPTIONS] = AgentStatus.OPTIONS;
        NAMES[WORKLOAD_FILTER] = AgentStatus.WORKLOAD_FILTER;
        NAMES[INSTRUMENTED_TYPES] = AgentStatus.INSTRUMENTED_TYPES;
        NAMES[TRANSFORM_ERRORS] = AgentStatus.TRANSFORM_ERRORS;
        NAMES[SUPPRESSED_ERRORS] = AgentStatus.SUPPRESSED_ERRORS;
        NAMES[STARTUP_MILLIS] = AgentStatus.STARTUP_MILLIS;
        NAMES[PARENT_THREAD] = "parentThread";
        NAMES[JAVA_THREAD_ID] = "javaThreadId";
        NAMES[TIMEOUT] = "timeout";
        NAMES[UNTIL] = "until";
        NAMES[PARKED_CLASS] = "parkedClass";
        NAMES[MONITOR_CLASS] = "monitorClass";
        NAMES[NOTIFIER] = "notifier";
        NAMES[PREVIOUS_OWNER] = "previousOwner";
        NAMES[AMOUNT] = "amount";
        NAMES[ALIVE_VIRTUAL] = ThreadAliveAtExit.VIRTUAL;
        NAMES[ALIVE_DAEMON] = ThreadAliveAtExit.DAEMON;
        NAMES[WAKE_BLOCKER_ID] = Wake.BLOCKER_ID;
        NAMES[DETAIL] = Wait.DETAIL;
        NAMES[THREAD_CLASS] = ThreadStart.THREAD_CLASS;
        NAMES[SYSTEM] = ThreadStart.SYSTEM;
        NAMES[PHASE_FILTER] = AgentStatus.PHASE_FILTER;
        NAMES[VIRTUAL_THREAD] = VirtualThreadBlocked.VIRTUAL_THREAD;
        NAMES[IO_HOST] = "host";
        NAMES[IO_ADDRESS] = "address";
        NAMES[IO_PORT] = "port";
        NAMES[IO_PATH] = "path";
        NAMES[PINNED_REASON] = "pinnedReason";
        NAMES[FAILED_TYPES] = AgentStatus.FAILED_TYPES;
        NAMES[FIRST_SUPPRESSED_ERROR] = AgentStatus.FIRST_SUPPRESSED_ERROR;
        NAMES[SAMPLE] = WaitSample.SAMPLE;
        NAMES[IN_PROGRESS] = WaitSample.IN_PROGRESS;
        NAMES[LISTED] = WaitSample.LISTED;
        NAMES[TARGET_THREAD_ID] = WaitInProgress.TARGET_THREAD_ID;
        NAMES[SINCE] = WaitInProgress.SINCE;
        NAMES[RECORDING_START] = AgentStatus.RECORDING_START;
        NAMES[MAX_AGE] = AgentStatus.MAX_AGE;
        NAMES[MAX_SIZE] = AgentStatus.MAX_SIZE;
        NAMES[OWN_FILES] = AgentStatus.OWN_FILES;
        for (int i = 0; i < FIELDS; i++) {
            if (NAMES[i] == null) {
                throw new ExceptionInInitializerError("field " + i + " has no name");
            }
        }
    }

    /** The fields read of each event type, by code; every type also gives its thread and stack trace. */
    private static final int[][] READ = new int[CODES][];

    static {
        READ[OTHER] = new int[] {};
        READ[WORKLOAD] = new int[] {METHOD};
        READ[WAIT] = new int[] {KIND, API, BLOCKER_CLASS, BLOCKER_ID, TARGET_THREAD, TIMED, DETAIL};
        READ[WAKE] = new int[] {WOKEN_THREAD, WAKE_BLOCKER_ID, HOW};
        READ[WEFT_THREAD_START] = new int[] {STARTED_THREAD, STARTED_THREAD_ID, STARTED_THREAD_NAME, VIRTUAL, DAEMON,
            THREAD_CLASS, SYSTEM};
        READ[ALIVE_AT_EXIT] = new int[] {THREAD, THREAD_ID, THREAD_NAME, ALIVE_VIRTUAL, ALIVE_DAEMON, STATE, ACTIVITY};
        READ[AGENT_STATUS] = new int[] {VERSION, OPTIONS, WORKLOAD_FILTER, INSTRUMENTED_TYPES, TRANSFORM_ERRORS,
                FAILED_TYPES, SUPPRESSED_ERRORS, FIRST_SUPPRESSED_ERROR, STARTUP_MILLIS, PHASE_FILTER, RECORDING_START,
                MAX_AGE, MAX_SIZE, OWN_FILES};
        READ[THREAD_START] = new int[] {THREAD, PARENT_THREAD};
        READ[THREAD_END] = new int[] {THREAD};
        READ[VIRTUAL_START] = new int[] {JAVA_THREAD_ID};
        READ[VIRTUAL_END] = new int[] {JAVA_THREAD_ID};
        READ[SLEEP] = new int[] {};
        READ[PARK] = new int[] {TIMEOUT, UNTIL, PARKED_CLASS};
        READ[MONITOR_WAIT] = new int[] {MONITOR_CLASS, NOTIFIER, TIMEOUT};
        READ[MONITOR_ENTER] = new int[] {MONITOR_CLASS, PREVIOUS_OWNER};
        READ[DATA_LOSS] = new int[] {AMOUNT};
        READ[SOCKET_IO] = new int[] {IO_HOST, IO_ADDRESS, IO_PORT};
        READ[FILE_IO] = new int[] {IO_PATH};
        READ[PINNED] = new int[] {PINNED_REASON};
        READ[VIRTUAL_BLOCKED] = new int[] {VIRTUAL_THREAD};
        // the same names as weft.ThreadAliveAtExit's thread fields and weft.Wait's; blockerClass is a name here
        READ[WAIT_IN_PROGRESS] = new int[] {SAMPLE, THREAD, THREAD_ID, THREAD_NAME, KIND, API, BLOCKER_CLASS, BLOCKER_ID,
            TARGET_THREAD_ID, SINCE};
        READ[WAIT_SAMPLE] = new int[] {SAMPLE, IN_PROGRESS, LISTED};
    }

    private EventFields() {
    }

    /** The names of the event types the report reads (every other one it only counts). */
    static java.util.Set<String> typeNames() {
        return CODE_OF.keySet();
    }

    /** The code of an event type, {@link #OTHER} for types the report only counts. */
    static int code(String typeName) {
        return CODE_OF.getOrDefault(typeName, OTHER);
    }

    /** The fields read of events of {@code code}, besides their thread and stack trace. */
    static int[] read(int code) {
        return READ[code].clone();
    }

    /** The number of the field {@code name} of an event type of {@code code}, {@code -1} when it is not read. */
    static int field(int code, String name) {
        if (NAMES[EVENT_THREAD].equals(name)) {
            return EVENT_THREAD;
        }
        if (NAMES[STACK_TRACE].equals(name)) {
            return STACK_TRACE;
        }
        for (int f : READ[code]) {
            if (NAMES[f].equals(name)) {
                return f;
            }
        }
        return -1;
    }
}
