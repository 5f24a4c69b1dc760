package dev.weft.testkit;

import java.util.function.Consumer;

/** Test code run on a platform thread of its own, whose failure comes back to the test. */
public final class OnThread {

    /** A block that may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private OnThread() { }

    /**
     * Runs {@code body} on a new platform thread called {@code name}, started by {@code start}
     * ({@code Thread::start}, or a helper that also records the start), waits for it to end, and throws
     * what it threw, as the cause of an {@link IllegalStateException}.
     */
    public static void run(String name, Consumer<Thread> start, Body body) throws InterruptedException {
        Throwable[] failed = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, name);
        start.accept(t);
        t.join(); // what the thread wrote happens-before join returns
        if (failed[0] != null) {
            throw new IllegalStateException(failed[0]);
        }
    }
}
