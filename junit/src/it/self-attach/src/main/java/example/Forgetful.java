package example;

import java.util.concurrent.CountDownLatch;

/** Code under test: starts background work and returns without waiting for it. */
public final class Forgetful {

    private Forgetful() {
    }

    public static void start(String name, CountDownLatch release) {
        Thread t = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
