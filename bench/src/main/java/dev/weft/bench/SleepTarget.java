package dev.weft.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The watched application of {@link LiveBench}'s latency measure: on each {@code sleep} line on stdin a
 * thread {@code bench-sleeper-N} begins a 3 s sleep, and the line {@code BEGAN N <epoch ms>} says when
 * (printed once the thread sleeps); {@code ENDED N <epoch ms>} follows when it woke.
 */
public final class SleepTarget {

    private SleepTarget() { }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        System.out.flush();
        int n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.equals("sleep")) {
                continue;
            }
            int id = ++n;
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    return;
                }
            }, "bench-sleeper-" + id);
            t.start();
            while (t.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            synchronized (System.out) {
                System.out.println("BEGAN " + id + " " + System.currentTimeMillis());
                System.out.flush();
            }
            Thread ender = new Thread(() -> {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (System.out) {
                    System.out.println("ENDED " + id + " " + System.currentTimeMillis());
                    System.out.flush();
                }
            }, "bench-ender-" + id);
            ender.start();
        }
    }
}
