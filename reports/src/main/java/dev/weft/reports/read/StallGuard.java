package dev.weft.reports.read;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Runs the JDK's parser on a daemon thread and gives up when it stops making progress, so that no
 * file, however damaged, can hang a report: the parser loops forever on some corrupt headers and
 * follows constant-pool offsets read from the file without a cycle check. A stuck parser thread
 * cannot be stopped; being a daemon, it ends with the JVM.
 */
final class StallGuard {

    /** Long enough for the constant pools of any real chunk, short enough to be an answer. */
    static final long DEFAULT_STALL_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long POLL_MILLIS = 100;

    /** The work to guard. */
    @FunctionalInterface
    interface Task {
        void run() throws RecordingException;
    }

    private StallGuard() {
    }

    /**
     * Runs {@code task} and returns when it ends, or throws a {@link RecordingException} with the message
     * {@code stalled} gives for the progress reached, when {@code progress} has not changed for
     * {@code stallNanos}.
     */
    static void run(Task task, LongSupplier progress, long stallNanos, LongFunction<String> stalled)
            throws RecordingException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "weft-jfr-reader");
        worker.setDaemon(true);
        worker.start();
        long seen = progress.getAsLong();
        long changed = System.nanoTime();
        try {
            while (true) {
                worker.join(POLL_MILLIS);
                if (!worker.isAlive()) {
                    break;
                }
                long now = progress.getAsLong();
                if (now != seen) {
                    seen = now;
                    changed = System.nanoTime();
                } else if (System.nanoTime() - changed > stallNanos) {
                    throw new RecordingException(stalled.apply(now));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordingException("interrupted while reading the recording");
        }
        Throwable e = failure.get();
        if (e instanceof RecordingException r) {
            throw r;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }
}
