package dev.weft.boot;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Thread lifecycle facts the JVM's own events miss: the parent of a virtual thread, threads cut off at exit. */
public final class Threads {

    private static final AtomicBoolean EXIT_RECORDED = new AtomicBoolean();

    /** How many application frames describe what a thread was doing. */
    private static final int ACTIVITY_FRAMES = 4;

    /**
     * What {@code Thread.isVirtual()} (JDK 21) tests, {@code null} on 17, which has no virtual threads.
     * Weft runs on 17, and a class test needs no method-handle linkage inside {@code Thread.start}.
     */
    private static final Class<?> VIRTUAL = virtualThreadClass();

    private Threads() { }

    /** {@code t.isVirtual()} on every JDK Weft supports. */
    public static boolean isVirtual(Thread t) {
        return VIRTUAL != null && VIRTUAL.isInstance(t);
    }

    /** {@code threadId()} is JDK 19+; {@code getId()} returns the same unless a subclass overrides it (it is not final). */
    public static long id(Thread t) {
        return t.getId();
    }

    private static Class<?> virtualThreadClass() {
        try {
            return Class.forName("java.lang.BaseVirtualThread", false, null);
        } catch (Throwable t) {
            return null;
        }
    }

    /** Called on the starting thread once {@code started} has been started. */
    public static void started(Thread started) {
        if (started == null || !Recorder.mayRecord()) {
            return;
        }
        ThreadStartEvent e = new ThreadStartEvent();
        if (!e.shouldCommit()) {
            return;
        }
        e.startedThread = started;
        e.startedThreadId = id(started);
        e.startedThreadName = started.getName();
        e.virtual = isVirtual(started);
        e.daemon = started.isDaemon();
        e.threadClass = started.getClass();
        e.system = e.virtual ? JdkThreads.isSubPollerStart(started) : JdkThreads.isJdkThread(started);
        e.commit();
    }

    /**
     * Virtual threads blocked on a monitor entry now, each with its begun event. A commit on the carrier
     * while the thread unmounts is lost (seen on JDK 25), so the span begins there and is committed by the
     * thread that releases it: a small lock-free table keyed by the thread's identity; a full
     * neighbourhood drops the span rather than wait.
     */
    private static final AtomicReferenceArray<VirtualBlockedEvent> BLOCKED = new AtomicReferenceArray<>(4096);
    private static final int PROBES = 8;

    /** On a carrier: virtual thread {@code vt} unmounted to wait for a monitor. */
    public static void virtualBlocked(Thread vt) {
        if (!Recorder.isActive()) {
            return;
        }
        // no isEnabled() here: in the middle of an unmount JFR treats the carrier as excluded (seen on 25)
        VirtualBlockedEvent e = new VirtualBlockedEvent();
        e.virtualThread = vt;
        e.begin();
        int mask = BLOCKED.length() - 1;
        int slot = System.identityHashCode(vt);
        boolean placed = false;
        for (int i = 0; i < PROBES; i++) {
            int at = (slot + i) & mask;
            VirtualBlockedEvent held = BLOCKED.get(at);
            if (held != null && held.virtualThread == vt) {
                // an earlier block of this thread that ended without the unblocker (the thread took the monitor
                // as it unmounted): its end is unknown, and the next release must not commit it as its own
                if (placed) {
                    BLOCKED.compareAndSet(at, held, null);
                } else {
                    placed = BLOCKED.compareAndSet(at, held, e);
                }
            } else if (held == null && !placed) {
                placed = BLOCKED.compareAndSet(at, null, e);
            }
        }
    }

    /** On the unblocker thread: virtual thread {@code vt} may run again after waiting for a monitor. */
    public static void virtualResumed(Thread vt) {
        int mask = BLOCKED.length() - 1;
        int slot = System.identityHashCode(vt);
        for (int i = 0; i < PROBES; i++) {
            int at = (slot + i) & mask;
            VirtualBlockedEvent e = BLOCKED.get(at);
            if (e != null && e.virtualThread == vt && BLOCKED.compareAndSet(at, e, null)) {
                e.end();
                if (Recorder.isActive() && e.shouldCommit()) {
                    e.commit();
                }
                e.virtualThread = null;
                return;
            }
        }
    }

    /**
     * Called when the JVM begins to shut down (return from main, System.exit, a signal),
     * before any shutdown hook runs, so the recording still takes events: every platform
     * thread still alive will be cut short.
     */
    public static void shutdownBegins() {
        if (!Recorder.isActive() || !EXIT_RECORDED.compareAndSet(false, true)) {
            return;
        }
        Thread self = Thread.currentThread();
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        for (Map.Entry<Thread, StackTraceElement[]> entry : all.entrySet()) {
            Thread t = entry.getKey();
            if (t == self || !t.isAlive() || isJvmInternal(t) || !inApplicationCode(entry.getValue())) {
                continue;
            }
            ThreadAliveAtExitEvent e = new ThreadAliveAtExitEvent();
            e.thread = t;
            e.threadId = id(t);
            e.threadName = t.getName();
            e.virtual = isVirtual(t);
            e.daemon = t.isDaemon();
            e.state = t.getState().name();
            e.activity = describe(entry.getValue());
            e.commit();
        }
    }

    static boolean isJvmInternal(Thread t) {
        if (Recorder.isIgnoredThread(t)) {
            return true;
        }
        ThreadGroup g = t.getThreadGroup();
        if (g != null && "system".equals(g.getName())) {
            return true; // Reference Handler, Finalizer, Signal Dispatcher, Common-Cleaner …
        }
        return t.getName().equals("DestroyJavaVM");
    }

    /** Idle pool threads (only JDK frames) are not work cut short; threads in application code are. */
    static boolean inApplicationCode(StackTraceElement[] frames) {
        for (StackTraceElement f : frames) {
            // the bridge runs inside the waits it records: a JDK thread caught recording one is still the JDK's
            if (!isJdk(f.getClassName()) && !f.getClassName().startsWith(BRIDGE)) {
                return true;
            }
        }
        return false;
    }

    private static final String BRIDGE = Threads.class.getPackageName() + ".";

    private static boolean isJdk(String cls) {
        return cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.");
    }

    /** The top application frames, innermost first: "Workloads.heavyWorkload:42 < Main.lambda$0:17". */
    static String describe(StackTraceElement[] frames) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        boolean wroteJdkTop = false;
        for (StackTraceElement f : frames) {
            String cls = f.getClassName();
            boolean jdk = isJdk(cls);
            if (jdk && (wroteJdkTop || shown > 0)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(" < ");
            }
            int dot = cls.lastIndexOf('.');
            sb.append(dot < 0 ? cls : cls.substring(dot + 1)).append('.').append(f.getMethodName());
            if (f.getLineNumber() > 0) {
                sb.append(':').append(f.getLineNumber());
            }
            if (jdk) {
                wroteJdkTop = true;
            } else if (++shown == ACTIVITY_FRAMES) {
                break;
            }
        }
        return sb.toString();
    }
}
