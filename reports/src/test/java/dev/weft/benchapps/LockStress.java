package dev.weft.benchapps;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A program for the report benchmark, run under the agent (outside {@code dev.weft.reports}, which the
 * agent never instruments, being its own): {@code N} virtual threads (100,000 by
 * default) each take one of a few shared locks a few times, so that most of them wait, then the
 * main thread joins them all. Its recording is the "many threads, many short waits" shape.
 *
 * <pre>java -javaagent:agent.jar=workload=dev.weft.benchapps.LockStress LockStress [N]</pre>
 */
public final class LockStress {

    private static final int LOCKS = 8;
    private static final int ROUNDS = 3;
    private static final long HOLD_NANOS = 2_000;

    private LockStress() {
    }

    /** One virtual thread's work: a few critical sections, long enough that others queue. */
    public static void task(int index, ReentrantLock[] locks, long[] counter) {
        for (int r = 0; r < ROUNDS; r++) {
            int k = (index + r) % LOCKS;
            locks[k].lock();
            try {
                counter[k]++;
                long until = System.nanoTime() + HOLD_NANOS;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            } finally {
                locks[k].unlock();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        run(threads);
    }

    public static void run(int threads) throws InterruptedException {
        ReentrantLock[] locks = new ReentrantLock[LOCKS];
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new ReentrantLock();
        }
        CountDownLatch done = new CountDownLatch(threads);
        long[] counter = new long[LOCKS];
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread.ofVirtual().start(() -> {
                task(index, locks, counter);
                done.countDown();
            });
        }
        done.await();
        long sum = 0;
        for (long c : counter) {
            sum += c;
        }
        System.out.println("lock stress: " + threads + " virtual threads, " + sum + " critical sections");
    }
}
