package dev.weft.agent.record;

import dev.weft.boot.OpenWaits;
import dev.weft.boot.Recorder;
import dev.weft.boot.Threads;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Platform threads blocked entering a {@code synchronized} block or method: no advice sees them
 * (the JVM's {@code jdk.JavaMonitorEnter} comes only when the entry ends), so each sample looks at
 * every platform thread's state — a field read, no safepoint — and only when one is BLOCKED asks the
 * JVM which monitor and whose ({@code getThreadInfo} without stack frames does not stop the world
 * either; {@code java.management} is loaded on that first need, not before). The start of such a wait
 * is unknown: it is dated from the first sample that saw it. Virtual threads blocked on a monitor
 * cannot be enumerated and are not listed.
 */
final class MonitorSampler {

    /** Per blocked thread id: the monitor it waits for and since when (ticks of the first sample that saw it). */
    private Map<Long, Blocked> blocked = new HashMap<>();
    private ThreadMXBean threads;
    private boolean unavailable;

    private record Blocked(String lock, long since) { }

    void sample(Map<Thread, Boolean> alreadyListed, List<WaitSampler.Open> open) {
        List<Long> candidates = blockedPlatformThreads(alreadyListed);
        if (candidates.isEmpty()) {
            blocked = new HashMap<>();
            return;
        }
        ThreadMXBean mx = mxBean();
        if (mx == null) {
            return;
        }
        long[] ids = new long[candidates.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = candidates.get(i);
        }
        Map<Long, Blocked> now = new HashMap<>();
        long ticks = 0;
        for (ThreadInfo info : mx.getThreadInfo(ids, 0)) {
            if (info == null || info.getThreadState() != Thread.State.BLOCKED || info.getLockName() == null) {
                continue; // it entered its monitor meanwhile
            }
            if (ticks == 0) {
                ticks = OpenWaits.nowTicks();
            }
            Blocked before = blocked.get(info.getThreadId());
            Blocked b = before != null && before.lock().equals(info.getLockName()) ? before
                    : new Blocked(info.getLockName(), ticks);
            now.put(info.getThreadId(), b);
            open.add(new WaitSampler.Open(null, info.getThreadId(), info.getThreadName(), "monitor-enter", "synchronized",
                    className(b.lock()), identity(b.lock()), Math.max(0, info.getLockOwnerId()), b.since()));
        }
        blocked = now;
    }

    /** Platform threads BLOCKED now, not listed by the agent's own waits and not Weft's, JFR's or the JDK's. */
    private static List<Long> blockedPlatformThreads(Map<Thread, Boolean> alreadyListed) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = all[i];
            if (t.getState() == Thread.State.BLOCKED && !alreadyListed.containsKey(t) && !Recorder.isIgnoredThread(t)) {
                ids.add(Threads.id(t));
            }
        }
        return ids;
    }

    private ThreadMXBean mxBean() {
        if (threads == null && !unavailable) {
            try {
                threads = ManagementFactory.getThreadMXBean();
            } catch (LinkageError | RuntimeException e) {
                unavailable = true; // a runtime without java.management: monitors go unlisted
            }
        }
        return threads;
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
