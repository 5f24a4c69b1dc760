package example;

import java.util.ArrayList;
import java.util.List;

/** Code under test: tasks that keep a core busy for a while, run one after the other or at once. */
public final class Batch {

    private Batch() {
    }

    /** One task: busy for {@code millis} of wall time, however many cores there are. */
    public static void task(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    public static void sequential(int tasks, long millis) {
        for (int i = 0; i < tasks; i++) {
            task(millis);
        }
    }

    public static void parallel(int tasks, long millis) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Thread t = new Thread(() -> task(millis), "batch-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
