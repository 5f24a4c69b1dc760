package dev.weft.reports.live;

import dev.weft.reports.read.StreamReader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jdk.jfr.consumer.EventStream;

/**
 * Follows another JVM's JFR repository ({@link EventStream#openRepository(Path)}) into a
 * {@link LiveWindow}, and hands a fresh {@link LiveView} to its listener after each flush (JFR flushes
 * about once a second, so the view is one to two seconds behind). The stream runs on a daemon thread of
 * its own (a stream's own async thread would keep this JVM from exiting); views are built on another, so
 * that the stream never falls behind a slow refresh: while one is being built, the next flush is skipped.
 */
public final class LiveSource implements AutoCloseable {

    private final EventStream stream;
    private final Thread thread;
    private final ExecutorService views = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "weft-watch-view");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean building = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Throwable failure;

    private LiveSource(EventStream stream, LiveWindow window, long startMillis, Consumer<LiveView> listener) {
        this.stream = stream;
        for (String type : StreamReader.eventTypes()) {
            stream.onEvent(type, window::accept);
        }
        stream.onFlush(() -> {
            // once per flush, about once a second; while catching up, as often as views can be built
            if (building.compareAndSet(false, true)) {
                LiveWindow.Frame frame = window.capture();
                views.execute(() -> {
                    try {
                        listener.accept(frame.view(startMillis, System.currentTimeMillis()));
                    } catch (RuntimeException | OutOfMemoryError e) {
                        failure = e;
                    } finally {
                        building.set(false);
                    }
                });
            }
        });
        stream.onError(e -> failure = e);
        this.thread = new Thread(() -> {
            try {
                stream.start();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                ended.countDown();
            }
        }, "weft-watch-stream");
        thread.setDaemon(true);
    }

    /**
     * Starts following {@code repository}, from {@code window} ago: a watch that attaches to a running
     * recording sees its last minute at once.
     */
    public static LiveSource start(Path repository, Duration window, Consumer<LiveView> listener) throws IOException {
        long startMillis = System.currentTimeMillis();
        EventStream stream = EventStream.openRepository(repository);
        stream.setStartTime(Instant.ofEpochMilli(startMillis).minus(window));
        LiveSource source = new LiveSource(stream, new LiveWindow(window.toMillis()), startMillis, listener);
        source.thread.start();
        return source;
    }

    /** Waits until the stream ends (its JVM exited, or {@link #close()}); true if it did within the time. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** What ended the stream, if it failed; {@code null} otherwise. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        views.shutdownNow();
        stream.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
