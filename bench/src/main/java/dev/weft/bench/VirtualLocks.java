package dev.weft.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Issue 12's program: 100,000 virtual threads taking a few shared locks, then exit. With the agent its
 * recording is large (hundreds of thousands of events): the exit report's cost on memory is what
 * {@link LiveBench} measures on it. Usage: {@code VirtualLocks [threads]}.
 */
public final class VirtualLocks {

    private VirtualLocks() { }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ReentrantLock[] locks = new ReentrantLock[8];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        long[] sums = new long[locks.length];
        // by reflection: the build may target a release without virtual threads; the run needs 21+
        ExecutorService executor = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        try {
            for (int i = 0; i < threads; i++) {
                int k = i % locks.length;
                executor.submit(() -> {
                    locks[k].lock();
                    try {
                        sums[k]++;
                        Thread.sleep(0, 100);
                    } finally {
                        locks[k].unlock();
                    }
                    return null;
                });
            }
        } finally {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.MINUTES);
        }
        long total = 0;
        for (long s : sums) {
            total += s;
        }
        System.out.println("done " + total);
    }
}
