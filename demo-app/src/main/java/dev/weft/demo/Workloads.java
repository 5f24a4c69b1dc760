package dev.weft.demo;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The one workload of the lesson.
 *
 * <p>The jar manifest names {@link #heavyWorkload} in {@code Weft-Workload}, so the Weft agent records
 * every call as a workload span on the calling thread's lane. It is deliberately a plain static method
 * that every scenario calls, never code copied into a lambda, so each call is a real call the agent
 * can see on the thread that makes it.
 */
public final class Workloads {

    /** Lets tests see which threads ran workloads and when they returned; production code leaves it alone. */
    interface WorkloadObserver {
        WorkloadObserver NONE = new WorkloadObserver() { };

        /** Called on the workload's own thread before the work begins. */
        default void started() { }

        /** Called on the workload's own thread when the call is about to return. */
        default void finished() { }
    }

    private static volatile WorkloadObserver observer = WorkloadObserver.NONE;

    // Written once per CPU workload so the JIT cannot prove the spinning useless and remove it.
    private static volatile long blackhole;

    private Workloads() {
    }

    /**
     * The Go tutorial's {@code heavyWorkload()}: takes {@code millis} milliseconds of wall time on the
     * calling thread.
     *
     * @param millis  how long the workload lasts
     * @param work    sleep (as the tutorial's {@code time.Sleep}) or spin the CPU
     * @param narrate print {@code heavy workload started/finished (thread)}; scenario 4 turns this off,
     *                since ten thousand such lines would be noise
     */
    public static void heavyWorkload(long millis, Work work, boolean narrate) {
        // Read once: a workload that outlives a test (scenario 3) must report to the observer it began with.
        WorkloadObserver seen = observer;
        String thread = describe(Thread.currentThread());
        if (narrate) {
            System.out.println("heavy workload started (" + thread + ")");
        }
        seen.started();
        boolean interrupted = false;
        switch (work) {
            case SLEEP -> interrupted = !sleep(millis);
            case CPU -> spin(millis);
        }
        if (narrate) {
            System.out.println("heavy workload " + (interrupted ? "interrupted" : "finished") + " (" + thread + ")");
        }
        seen.finished();
    }

    /** Replaces the observer; tests only, and they must put {@link WorkloadObserver#NONE} back. */
    static void observe(WorkloadObserver newObserver) {
        observer = newObserver;
    }

    /** "1 workload", "3 workloads", "10,000 workloads": for narration. */
    static String counted(long n) {
        return String.format(Locale.ROOT, "%,d workload%s", n, n == 1 ? "" : "s");
    }

    static String describe(Thread thread) {
        // Virtual threads are nameless by default. (getId, not threadId: the demo runs on Java 17 too.)
        return thread.getName().isEmpty() ? "virtual thread #" + thread.getId() : thread.getName();
    }

    /** @return false if interrupted; the interrupt is kept for the caller to see */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void spin(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long x = Thread.currentThread().getId();
        while (System.nanoTime() - deadline < 0) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        blackhole = x;
    }
}
