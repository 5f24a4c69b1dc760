package dev.weft.agent.record;

import dev.weft.boot.Kinds;
import dev.weft.boot.OpenWaits;
import dev.weft.boot.Recorder;
import dev.weft.boot.Threads;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits in progress that no advice sees, found from the JVM's thread states, for platform threads
 * only (virtual ones cannot be enumerated):
 * <ul>
 *   <li>a thread BLOCKED entering a {@code synchronized} block or method (the JVM's
 *       {@code jdk.JavaMonitorEnter} comes only when the entry ends), on every JDK;</li>
 *   <li>where {@code Thread.sleep(long)} and {@code Object.wait(long)} are native (Java 17 and 18; from 19
 *       and 21 on they are Java code the advice wraps), a thread in one of them: JFR's own events record
 *       those, but only once they ended.</li>
 * </ul>
 * Each sample looks at every platform thread's state (a field read, no safepoint) and only when one
 * is a candidate asks the JVM about it: {@code getThreadInfo} without stack frames, which stops no
 * thread ({@code java.management} is loaded on that first need, not before). Telling a native sleep or
 * wait from a park begun before the advice was woven needs the top frame, and a stack means a safepoint:
 * it is asked once per wait, which the thread's blocked or waited count (the JVM adds one per wait)
 * tells apart from the next. The start of such a wait is unknown: it is dated from the first sample
 * that saw it.
 */
final class UnwovenWaits {

    /** Java 17 and 18: the sleep a platform thread makes is native code, out of the advice's reach. */
    static final boolean NATIVE_SLEEP = isNative(Thread.class, "sleep");
    /** Before 21: {@code Object.wait(long)} is native, and {@code Object.wait()} calls it. */
    static final boolean NATIVE_WAIT = isNative(Object.class, "wait");

    private static final String SLEEP_API = "java.lang.Thread.sleep";
    private static final String WAIT_API = "java.lang.Object.wait";

    /** Per thread id: what the last sample saw; a wait that is not ours to list has a null kind. */
    private Map<Long, Seen> seen = new HashMap<>();
    private ThreadMXBean threads;
    private boolean unavailable;

    /** One wait as first seen: its state and the JVM's count for that state identify it across samples. */
    private record Seen(String name, Thread.State state, long count, String kind, String api, String lock, long owner,
                        long since) { }

    void sample(Map<Thread, Boolean> alreadyListed, List<WaitSampler.Open> open) {
        List<Long> candidates = candidates(alreadyListed);
        if (candidates.isEmpty()) {
            seen = new HashMap<>();
            return;
        }
        ThreadMXBean mx = mxBean();
        if (mx == null) {
            return;
        }
        Map<Long, Seen> now = new HashMap<>();
        List<ThreadInfo> unknown = new ArrayList<>();
        long ticks = 0;
        for (ThreadInfo info : mx.getThreadInfo(ids(candidates), 0)) {
            if (info == null) {
                continue; // it ended meanwhile
            }
            Thread.State state = info.getThreadState();
            Seen before = seen.get(info.getThreadId());
            if (before != null && before.state() == state && before.count() == count(info)) {
                now.put(info.getThreadId(), before); // the same wait as in the last sample
            } else if (state == Thread.State.BLOCKED) {
                if (info.getLockName() == null) {
                    continue; // it entered its monitor meanwhile
                }
                ticks = ticks == 0 ? OpenWaits.nowTicks() : ticks;
                now.put(info.getThreadId(), new Seen(info.getThreadName(), state, count(info), Kinds.MONITOR_ENTER,
                        "synchronized", info.getLockName(), Math.max(0, info.getLockOwnerId()), ticks));
            } else if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                unknown.add(info);
            }
        }
        if (!unknown.isEmpty()) {
            classify(mx, unknown, now, ticks == 0 ? OpenWaits.nowTicks() : ticks);
        }
        for (Map.Entry<Long, Seen> e : now.entrySet()) {
            Seen s = e.getValue();
            if (s.kind() != null) {
                open.add(new WaitSampler.Open(null, e.getKey(), s.name(), s.kind(), s.api(),
                        s.lock() == null ? null : className(s.lock()), s.lock() == null ? 0 : identity(s.lock()),
                        s.owner(), s.since()));
            }
        }
        seen = now;
    }

    /** The top frame of each new wait: a native sleep or wait is listed, anything else remembered as not ours. */
    private static void classify(ThreadMXBean mx, List<ThreadInfo> unknown, Map<Long, Seen> now, long ticks) {
        long[] ids = new long[unknown.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = unknown.get(i).getThreadId();
        }
        ThreadInfo[] framed = mx.getThreadInfo(ids, 1);
        for (int i = 0; i < ids.length; i++) {
            ThreadInfo first = unknown.get(i);
            ThreadInfo info = framed[i];
            if (info == null || info.getThreadState() != first.getThreadState() || count(info) != count(first)) {
                continue; // its wait ended, or another began, between the two looks: the next sample sees it
            }
            StackTraceElement[] top = info.getStackTrace();
            String frame = top.length == 0 ? "" : top[0].getClassName() + "." + top[0].getMethodName();
            String kind = null;
            String lock = null;
            if (frame.equals(SLEEP_API)) {
                kind = Kinds.SLEEP;
            } else if (frame.equals(WAIT_API) && info.getLockName() != null) {
                kind = Kinds.MONITOR_WAIT;
                lock = info.getLockName();
            }
            now.put(ids[i], new Seen(info.getThreadName(), info.getThreadState(), count(info), kind,
                    kind == null ? null : frame, lock, 0, ticks));
        }
    }

    /** The JVM's count of entries into the thread's state: one more for each new block or wait. */
    private static long count(ThreadInfo info) {
        return info.getThreadState() == Thread.State.BLOCKED ? info.getBlockedCount() : info.getWaitedCount();
    }

    /**
     * Platform threads BLOCKED now (or, where sleep or wait is native, waiting), not listed by the
     * agent's own waits and not Weft's, JFR's or the JDK's.
     */
    private static List<Long> candidates(Map<Thread, Boolean> alreadyListed) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = all[i];
            Thread.State state = t.getState();
            boolean candidate = state == Thread.State.BLOCKED
                    || (NATIVE_SLEEP || NATIVE_WAIT) && (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING);
            if (candidate && !alreadyListed.containsKey(t) && !Recorder.isIgnoredThread(t)) {
                ids.add(Threads.id(t));
            }
        }
        return ids;
    }

    private static long[] ids(List<Long> list) {
        long[] ids = new long[list.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = list.get(i);
        }
        return ids;
    }

    private ThreadMXBean mxBean() {
        if (threads == null && !unavailable) {
            try {
                threads = ManagementFactory.getThreadMXBean();
            } catch (LinkageError | RuntimeException e) {
                unavailable = true; // a runtime without java.management: these waits go unlisted
            }
        }
        return threads;
    }

    private static boolean isNative(Class<?> type, String method) {
        try {
            return Modifier.isNative(type.getMethod(method, long.class).getModifiers());
        } catch (NoSuchMethodException | RuntimeException e) {
            return false;
        }
    }

    /** "java.lang.Object@1b6d3586" → "java.lang.Object". */
    static String className(String lockName) {
        int at = lockName.lastIndexOf('@');
        return at < 0 ? lockName : lockName.substring(0, at);
    }

    /** "java.lang.Object@1b6d3586" → the identity hash 0x1b6d3586, as Weft's blocker ids are. */
    static int identity(String lockName) {
        int at = lockName.lastIndexOf('@');
        try {
            return at < 0 ? 0 : Integer.parseUnsignedInt(lockName.substring(at + 1), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
