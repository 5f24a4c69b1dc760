package dev.weft.boot;

/**
 * The wait kinds the agent writes into {@code weft.Wait}. Compile-time constants, inlined into
 * advice. The reports' {@code dev.weft.reports.model.WaitKinds} is the one list of kinds with their
 * meaning and colour; a test keeps these names among its entries.
 */
public final class Kinds {

    public static final String SLEEP = "sleep";
    public static final String JOIN = "join";
    public static final String LATCH = "latch";
    public static final String FUTURE = "future";
    public static final String MONITOR = "monitor";
    public static final String PARK = "park";
    public static final String BARRIER = "barrier";
    public static final String PHASER = "phaser";
    public static final String SEMAPHORE = "semaphore";
    public static final String CONDITION = "condition";
    public static final String LOCK = "lock";
    public static final String EXECUTOR = "executor";
    public static final String QUEUE = "queue";
    /** Socket, channel and selector waits, and HTTP client responses. */
    public static final String IO = "io";
    /** A child process: {@code Process.waitFor}, {@code onExit().get()}. */
    public static final String PROCESS = "process";
    /** A pool worker waiting for its next task: waiting for work, not blocked by it. */
    public static final String IDLE = "idle";
    /** A virtual thread blocked entering a {@code synchronized} block (JDK 24+ unmounts it). */
    public static final String MONITOR_ENTER = "monitor-enter";
    /** {@code Object.wait} where it is native (before 21): the JVM's own event's kind; the live sample names it. */
    public static final String MONITOR_WAIT = "monitor-wait";

    private Kinds() { }
}
