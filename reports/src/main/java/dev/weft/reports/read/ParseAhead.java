package dev.weft.reports.read;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Parses a recording on its own thread, a few batches ahead of the reader: decoding the file and
 * looking up the fields of each event (by name, the only way the consumer API offers) each take
 * about half of the reading time, so on two cores they overlap. Owns and closes the file.
 */
final class ParseAhead implements AutoCloseable {

    private static final int BATCH = 1024;
    private static final int AHEAD = 8;

    /** Up to {@link #BATCH} events; the last batch carries the end or the failure that ended parsing. */
    static final class Batch {
        final RecordedEvent[] events = new RecordedEvent[BATCH];
        int size;
        boolean last;
        /** What ended parsing early, after the events above: damage, or an Error such as out of memory. */
        Throwable failure;
        /** Closing the file failed (everything was read). */
        IOException closeFailure;
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(AHEAD);
    private volatile boolean stopped;
    private Thread parser;

    private ParseAhead() {
    }

    static ParseAhead start(RecordingFile file) {
        ParseAhead ahead = new ParseAhead();
        Thread parser = new Thread(() -> ahead.parse(file), "weft-jfr-parser");
        parser.setDaemon(true);
        ahead.parser = parser;
        parser.start();
        return ahead;
    }

    /** The next batch, waiting for it; after a {@link Batch#last} one there are no more. */
    Batch next() throws InterruptedException {
        return queue.take();
    }

    private void parse(RecordingFile file) {
        Batch batch = new Batch();
        try {
            while (!stopped && file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent(); // may throw: then the batch must not grow
                batch.events[batch.size++] = event;
                if (batch.size == BATCH) {
                    if (!hand(batch)) {
                        return;
                    }
                    batch = new Batch();
                }
            }
        } catch (Throwable e) {
            // also an OutOfMemoryError: the reader must hear of it, not wait for a batch that never comes
            batch.failure = e;
        } finally {
            try {
                file.close();
            } catch (IOException e) {
                batch.closeFailure = e;
            }
        }
        batch.last = true;
        hand(batch);
    }

    /** Queues a batch unless the reader went away; {@code false} when it did. */
    private boolean hand(Batch batch) {
        try {
            while (!stopped) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * The reader is done: the parser stops at its next event, and is waited for a little, so that after a
     * failure (running out of memory) the next attempt does not read beside it.
     */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            parser.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
