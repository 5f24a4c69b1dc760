package dev.weft.bench;

/**
 * Loads the JDK classes the call benchmarks use, so that a verbose agent names each one it
 * instruments: how the table tells a class the agent does not instrument (yet) from one it does.
 */
public final class LoadWaitClasses {

    static final String[] CLASSES = {
        "java.lang.Thread",
        "java.lang.Object",
        "java.util.concurrent.locks.LockSupport",
        "java.util.concurrent.CountDownLatch",
        "java.util.concurrent.CompletableFuture",
        "java.util.concurrent.FutureTask",
        "java.util.concurrent.Semaphore",
        "java.util.concurrent.ArrayBlockingQueue",
        "java.util.concurrent.Phaser",
    };

    private LoadWaitClasses() { }

    public static void main(String[] args) throws ClassNotFoundException {
        for (String c : CLASSES) {
            Class.forName(c);
        }
    }
}
