package example;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Code under test: jobs on a fixed pool, shut down and awaited; and a counter every job synchronizes on. */
public final class Pool {

    private Pool() {
    }

    /** One job: busy for {@code millis} of wall time. */
    public static void job(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    public static void runAll(int jobs, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            work.add(() -> {
                job(millis);
                return null;
            });
        }
        pool.invokeAll(work);
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the pool did not stop");
        }
    }

    /**
     * Jobs that each hold one monitor while they work, started while the caller holds it: all of them
     * block on entering it, then work one after the other.
     */
    public static void countAll(int jobs, long millis) throws Exception {
        Object counter = new Object();
        List<Thread> threads = new ArrayList<>();
        synchronized (counter) {
            for (int i = 0; i < jobs; i++) {
                Thread t = new Thread(() -> {
                    synchronized (counter) {
                        job(millis);
                    }
                }, "counter-" + i);
                t.start();
                threads.add(t);
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (threads.stream().anyMatch(t -> t.getState() != Thread.State.BLOCKED) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
