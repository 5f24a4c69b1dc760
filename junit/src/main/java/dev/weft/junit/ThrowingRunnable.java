package dev.weft.junit;

/** The code a run records; it may throw anything, and the run then throws it on. */
@FunctionalInterface
public interface ThrowingRunnable {

    void run() throws Throwable;
}
