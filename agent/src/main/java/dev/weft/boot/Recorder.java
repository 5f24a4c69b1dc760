package dev.weft.boot;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared state of the boot bridge: whether Weft records, each thread's {@link WaitState} and the
 * count of errors swallowed inside advice.
 *
 * <p>This class is loaded by the bootstrap loader and called from advice inlined into
 * {@code java.base}: no lambdas, no string concatenation, no locks (DESIGN §4 traps 3, 5, 6).
 */
public final class Recorder {

    /** Set once the agent's recording runs; the disabled path reads one volatile field. */
    private static volatile boolean active;

    private static final AtomicLong SUPPRESSED = new AtomicLong();
    private static volatile Throwable firstSuppressed;

    private static final ThreadLocal<WaitState> STATE = new StateLocal();

    /** The JDK's carrier-thread class: advice that runs as a carrier must not record or block. */
    private static final Class<?> CARRIER_THREAD = carrierThreadClass();

    private Recorder() { }

    public static void activate() { active = true; }

    public static void deactivate() { active = false; }

    public static boolean isActive() { return active; }

    /** Called by the advice exception handler for every Throwable advice code raised. */
    public static void suppressed(Throwable t) {
        try {
            if (SUPPRESSED.getAndIncrement() == 0) {
                firstSuppressed = t;
            }
        } catch (Throwable ignored) {
            // counting must never fail the host
        }
    }

    public static long suppressedCount() { return SUPPRESSED.get(); }

    public static Throwable firstSuppressed() { return firstSuppressed; }

    /** The current thread's state if it records waits now, else {@code null} (inactive or ignored thread). */
    static WaitState state() {
        if (!active) {
            return null;
        }
        WaitState s = STATE.get();
        return s.ignored ? null : s;
    }

    /** Whether the current thread may record an event that does not nest (spans of work, instants). */
    static boolean mayRecord() {
        return active && !STATE.get().ignored;
    }

    /** Marks the calling thread as Weft's own: nothing it does is recorded. */
    public static void ignoreCurrentThread() {
        STATE.get().ignored = true;
    }

    /**
     * Threads whose waits are not recorded: Weft's own (known by their class, never by name: an
     * application thread called "weft-…" is the application's), JFR's, and the JDK's (see
     * {@link JdkThreads}). Their lanes still come from the JVM's thread events; the report marks
     * them as the JDK's.
     */
    public static boolean isIgnoredThread(Thread t) {
        Class<?> c = t.getClass();
        if (c == CARRIER_THREAD || c == AgentThread.class || JdkThreads.isJdkThread(t)) {
            return true;
        }
        String name = t.getName();
        // JDK 25's sub-pollers: virtual threads of the JDK, parked most of their lives
        return name.startsWith("JFR ") || Threads.isVirtual(t) && name.startsWith(JdkThreads.SUB_POLLER);
    }

    private static Class<?> carrierThreadClass() {
        try {
            return Class.forName("jdk.internal.misc.CarrierThread", false, null);
        } catch (Throwable t) {
            return Recorder.class; // never the class of a thread
        }
    }

    private static final class StateLocal extends ThreadLocal<WaitState> {
        @Override
        protected WaitState initialValue() {
            Thread self = Thread.currentThread();
            WaitState s = new WaitState(self);
            s.ignored = isIgnoredThread(self);
            return s;
        }
    }
}
