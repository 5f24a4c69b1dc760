package dev.weft.boot;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Thread lifecycle facts the JVM's own events miss: the parent of a virtual thread, threads cut off at exit. */
public final class Threads {

    private static final AtomicBoolean EXIT_RECORDED = new AtomicBoolean();

    /** How many application frames describe what a thread was doing. */
    private static final int ACTIVITY_FRAMES = 4;

    private Threads() { }

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
        e.startedThreadId = started.threadId();
        e.startedThreadName = started.getName();
        e.virtual = started.isVirtual();
        e.daemon = started.isDaemon();
        e.threadClass = started.getClass();
        e.system = e.virtual ? JdkThreads.isSubPollerStart(started) : JdkThreads.isJdkThread(started);
        e.commit();
    }

    /**
     * On a carrier: virtual thread {@code vt} unmounted to wait for a monitor ({@code resumed} false),
     * or may run again to retry ({@code resumed} true). The report pairs the two into a wait of {@code vt}.
     */
    public static void virtualBlocked(Thread vt, boolean resumed) {
        if (!Recorder.isActive()) {
            return;
        }
        VirtualBlockedEvent e = new VirtualBlockedEvent();
        if (!e.shouldCommit()) {
            return;
        }
        e.virtualThread = vt;
        e.resumed = resumed;
        e.commit();
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
            e.threadId = t.threadId();
            e.threadName = t.getName();
            e.virtual = t.isVirtual();
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
            if (!isJdk(f.getClassName())) {
                return true;
            }
        }
        return false;
    }

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
