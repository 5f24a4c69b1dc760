package dev.weft.boot;

/**
 * Recognises the JDK's own threads by what they are, not by their names alone: an application's
 * {@code ForkJoinPool} names its workers like the virtual-thread scheduler's carriers do.
 *
 * <ul>
 * <li>by class: carriers ({@code jdk.internal.misc.CarrierThread}), the JDK's system threads
 *     ({@code InnocuousThread}: cleaner, pollers, unparker, unblocker, process reaper), the
 *     scheduler's delay thread, the reference handler and finalizer, the HTTP client's selector;</li>
 * <li>by thread group: {@code system} (signal dispatcher, JFR, attach listener …), the groups of
 *     carriers and of innocuous threads;</li>
 * <li>JDK 25's sub-pollers are virtual threads: named {@code SubPoller-N} <em>and</em> started from
 *     {@code sun.nio.ch.Poller} (the starting stack is looked at only for that name).</li>
 * </ul>
 */
public final class JdkThreads {

    private static final String[] CLASSES = {
        "jdk.internal.misc.CarrierThread",
        "jdk.internal.misc.InnocuousThread",
        "java.util.concurrent.DelayScheduler",
        "java.lang.ref.Reference$ReferenceHandler",
        "java.lang.ref.Finalizer$FinalizerThread",
        "jdk.internal.net.http.HttpClientImpl$SelectorManager",
    };
    private static final String[] GROUPS = {"system", "InnocuousThreadGroup", "CarrierThreads"};
    static final String SUB_POLLER = "SubPoller-";
    private static final String POLLER = "sun.nio.ch.Poller";

    private JdkThreads() { }

    /** Whether {@code t} is one of the JDK's own threads (never a virtual thread; see {@link #isSubPoller}). */
    public static boolean isJdkThread(Thread t) {
        String cls = t.getClass().getName();
        for (String c : CLASSES) {
            if (c.equals(cls)) {
                return true;
            }
        }
        ThreadGroup g = t.getThreadGroup();
        String group = g == null ? null : g.getName();
        for (String name : GROUPS) {
            if (name.equals(group)) {
                return true;
            }
        }
        return false;
    }

    /** A virtual thread about to be started by the calling thread is one of JDK 25's sub-pollers. */
    static boolean isSubPollerStart(Thread started) {
        if (!started.getName().startsWith(SUB_POLLER)) {
            return false;
        }
        for (StackTraceElement f : new Throwable().getStackTrace()) {
            if (f.getClassName().startsWith(POLLER)) {
                return true;
            }
        }
        return false;
    }
}
