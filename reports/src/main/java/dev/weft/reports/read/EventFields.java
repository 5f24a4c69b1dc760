package dev.weft.reports.read;

/**
 * Names of the events and fields the reader learnt in the "truth on real programs" round, in one place
 * (the agent's event classes declare the same names; the reader's older names are still inline in
 * {@link JfrReader}).
 */
final class EventFields {

    /** weft.Wait: what was waited for (address, process). */
    static final String WAIT_DETAIL = "detail";
    /** weft.ThreadStart: the started thread's class, and whether the agent knew it as the JDK's. */
    static final String START_THREAD_CLASS = "threadClass";
    static final String START_SYSTEM = "system";

    /** weft.AgentStatus: the methods named as phases. */
    static final String STATUS_PHASE_FILTER = "phaseFilter";

    /** JDK 24+ virtual thread blocked on a monitor, from the agent: a span, committed on a carrier. */
    static final String VIRTUAL_BLOCKED = "weft.VirtualThreadBlocked";
    static final String VIRTUAL_BLOCKED_THREAD = "virtualThread";

    /** JFR's blocking I/O events, and their fields naming the other end. */
    static final String SOCKET_READ = "jdk.SocketRead";
    static final String SOCKET_WRITE = "jdk.SocketWrite";
    static final String FILE_READ = "jdk.FileRead";
    static final String FILE_WRITE = "jdk.FileWrite";
    static final String IO_HOST = "host";
    static final String IO_ADDRESS = "address";
    static final String IO_PORT = "port";
    static final String IO_PATH = "path";

    /** jdk.ThreadPark's blocker class when a pool worker waits for work on its pool. */
    static final String IDLE_PARK_CLASS = "java.util.concurrent.ForkJoinPool";

    /** JFR's virtual thread pinned to its carrier; JDK 24+ adds why. */
    static final String PINNED = "jdk.VirtualThreadPinned";
    static final String PINNED_REASON = "pinnedReason";

    private EventFields() {
    }
}
