package dev.weft.reports.live;

import java.util.Locale;

/**
 * Whether a wait in progress is a worker waiting for work (idle) or a thread blocked on something
 * (a lock, a latch, a sleep, another thread). The one place that decides it for the live view, so
 * that a better rule replaces it whole.
 *
 * <p>Today's rule, from the waits the agent names (DESIGN §8): taking from a blocking queue, a
 * fork-join worker parked in its pool, a scheduled pool's delay queue and a cached pool's
 * synchronous hand-off are waits for work; everything else blocks.
 */
public final class WaitClass {

    private WaitClass() {
    }

    /** Whether a wait of this kind, API and blocker class waits for work. */
    public static boolean idle(String kind, String api, String blockerClass) {
        String a = api == null ? "" : api;
        String b = blockerClass == null ? "" : blockerClass;
        if ("queue".equals(kind)) {
            String method = a.substring(a.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return method.startsWith("take") || method.startsWith("poll");
        }
        return b.equals("java.util.concurrent.ForkJoinPool")
                || b.startsWith("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue")
                || b.startsWith("java.util.concurrent.SynchronousQueue")
                || b.startsWith("java.util.concurrent.LinkedTransferQueue");
    }
}
