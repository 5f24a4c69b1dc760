package dev.weft.reports.read;

import dev.weft.reports.model.ModelBuilder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The focused parser: reads a recording straight from the file, chunk by chunk, decoding only
 * what the report uses (DESIGN's event model and the JDK's thread and wait events) and skipping every
 * other event by its size. The next chunk's metadata and constant pools are read on a second thread
 * while this one maps the events of the current chunk into the model.
 *
 * <p>It reads format 2 (JDK 11 and later), the same model as the JDK's parser, tested event for event;
 * what it cannot decode at all in the first chunk it declines, and the JDK's parser reads the file.
 */
final class FastParser {

    /** How far past its chunk's end an event may end before it counts as damaged. */
    static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * How far before its chunk's start an event may end: a thread held up between ending an event and
     * committing it writes it into the next chunk (up to 1.1 s here, 250 threads spinning on 2 cores).
     */
    static final long LATE_COMMIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /**
     * How much later than the header's end (start, duration and clock rate) the last constant pool of a
     * chunk may be: the pool is written as the chunk closes, after the end is taken, and a busy JVM may
     * take its time (up to 5.9 s here, a recording made with 250 threads spinning on 2 cores). So this
     * side only catches gross damage; a clock rate damaged by less is caught, if at all, by the events
     * that then end outside their chunk's time ({@link #SLACK_NANOS}).
     */
    static final long HEADER_LATE_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How much earlier than the header's end the last constant pool may be: never seen, so little. */
    static final long HEADER_EARLY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How far a chunk may start from where the one before ended: the same moment, in both clocks. */
    static final long ROTATION_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** The file is of a kind this parser leaves to the JDK's. */
    static final class Declined extends Exception {
        private static final long serialVersionUID = 1L;

        Declined(String why, Throwable cause) {
            super(why, cause);
        }
    }

    private FastParser() {
    }

    /**
     * Whether a chunk of {@code size} bytes is read into a heap of {@code maxHeap}, rather than mapped: two
     * such chunks (the one being read and the next, prepared meanwhile, {@link #preparesAhead}) take no more
     * than a quarter of what the heap has beyond its first 128 MB. A smaller heap, such as the exit report's
     * (48 MB by default), needs all of it for the model and the work of building it: it maps every chunk.
     * Mapped chunks are read more slowly, and their pages count in the process's resident size.
     */
    static boolean readsIntoHeap(long size, long maxHeap) {
        return 2 * size <= (maxHeap - IN_HEAP_FLOOR) / 4;
    }

    private static final long IN_HEAP_FLOOR = 128L << 20;

    /**
     * How many threads decoded from a chunk's pool are kept at a time in a heap of {@code maxHeap} (0: all): a
     * thirty-second of it. A million threads' recording decoded 262,144 of one chunk in 35 MB, and ran the exit
     * report's child out of its 64; the lock stress's 100,000 fit in 512 MB, where each is decoded once.
     */
    static int threadsCached(long maxHeap) {
        return maxHeap == 0 ? Integer.MAX_VALUE
                : (int) Math.max(1024, Math.min(Integer.MAX_VALUE, maxHeap / 32 / ChunkPools.THREAD_REF_BYTES));
    }

    /**
     * Whether the next chunk's metadata and pools are read while this one's events are: in a heap of 256 MB
     * and more (or 0, every chunk mapped). In a smaller one, such as the exit report's, two chunks' indexes at
     * once took a fourth of it (a million threads' recording: 12 MB each in 48 MB).
     */
    static boolean preparesAhead(long maxHeap) {
        return maxHeap == 0 || maxHeap >= 256L << 20;
    }

    /** Feeds the events of the sound chunks {@code scan} found to {@code sink}; returns the damage it met. */
    static Findings read(Path jfr, ChunkScan scan, EventSink sink, ModelBuilder builder) throws IOException, Declined {
        return read(jfr, scan, sink, builder, Runtime.getRuntime().maxMemory());
    }

    /** {@link #read(Path, ChunkScan, EventSink, ModelBuilder)} in a heap of {@code maxHeap} (0: every chunk mapped). */
    static Findings read(Path jfr, ChunkScan scan, EventSink sink, ModelBuilder builder, long maxHeap)
            throws IOException, Declined {
        if (scan.format1) {
            throw new Declined("it is of JFR format 1 (JDK 9 and 10)", null);
        }
        Findings findings = new Findings();
        // a thread to prepare the next chunk on, where there is one to prepare while this one is read
        ExecutorService ahead = scan.chunks > 1 && preparesAhead(maxHeap) ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "weft-jfr-chunks");
            t.setDaemon(true);
            return t;
        }) : null;
        try (FileChannel channel = FileChannel.open(jfr, StandardOpenOption.READ)) {
            ChunkReader current = open(channel, scan, 0, maxHeap);
            try {
                current.prepare();
            } catch (RuntimeException e) {
                throw new Declined("the metadata or constant pools of its first chunk cannot be read (" + e.getMessage() + ")", e);
            }
            // no other reference to the first chunk: its pools may go once it is read
            ChunkReader.Clock clock = new ChunkReader.Clock(current, SLACK_NANOS);
            ChunkReader.Ending previous = null;
            long unresolved = 0;
            boolean twoAtOnce = preparesAhead(maxHeap);
            for (int i = 0; i < scan.chunks; i++) {
                CompletableFuture<ChunkReader> next = twoAtOnce && i + 1 < scan.chunks
                        ? prepareAhead(channel, scan, i + 1, maxHeap, ahead) : null;
                if (current != null) {
                    checkHeader(current, previous, findings);
                    if (!twoAtOnce) {
                        // in a small heap a chunk's pools are a large part of it (in a large one, the quarter
                        // kept beside the model's budget holds two chunks' of a million threads)
                        builder.readerHolds(current.poolBytes());
                    }
                    try {
                        current.events(sink, clock, findings, builder::warning);
                    } catch (RuntimeException e) {
                        findings.damage(current.label + ": its events stop making sense (" + e + ")");
                    }
                    // a later chunk may name threads only an earlier one holds: the first must hold them all
                    unresolved += i == 0 ? current.unresolved() : 0;
                    previous = current.ending(); // not the chunk: its bytes may go
                }
                current = null; // its pools may go before the next chunk's are read
                if (next == null && i + 1 < scan.chunks) {
                    next = prepareAhead(channel, scan, i + 1, maxHeap, Runnable::run);
                }
                current = next == null ? null : await(next, scan, i + 1, findings);
            }
            builder.readerHolds(0);
            if (unresolved > 0) {
                findings.damage(String.format(Locale.ROOT, "%,d references to threads its first chunk does not hold",
                        unresolved));
            }
        } finally {
            if (ahead != null) {
                ahead.shutdownNow();
                awaitQuietly(ahead);
            }
        }
        return findings;
    }

    /**
     * Waits a little for a chunk being prepared ahead to be done with: after a failure (running out of
     * memory, above all) the next attempt must not read beside it. Preparing is not interruptible.
     */
    private static void awaitQuietly(ExecutorService ahead) {
        try {
            ahead.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ChunkReader open(FileChannel channel, ChunkScan scan, int index, long maxHeap) throws IOException {
        long offset = scan.offsets[index];
        long size = scan.offsets[index + 1] - offset;
        ChunkReader chunk = ChunkReader.read(channel, offset, size, index, readsIntoHeap(size, maxHeap));
        chunk.fitHeap(threadsCached(maxHeap), !preparesAhead(maxHeap));
        return chunk;
    }

    private static CompletableFuture<ChunkReader> prepareAhead(FileChannel channel, ChunkScan scan, int index,
                                                               long maxHeap, Executor ahead) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ChunkReader chunk = open(channel, scan, index, maxHeap);
                chunk.prepare();
                return chunk;
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, ahead);
    }

    /** The chunk prepared ahead, or {@code null} when it is damaged (which is then a finding). */
    private static ChunkReader await(CompletableFuture<ChunkReader> next, ChunkScan scan, int index, Findings findings)
            throws IOException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the recording");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            findings.damage("chunk " + (index + 1) + " (at byte " + scan.offsets[index] + "): its metadata or "
                    + "constant pools cannot be read (" + cause.getMessage() + "); its events are left out");
            return null;
        }
    }

    /**
     * The header's own fields against each other and against the chunk before: the clock rate and the
     * duration give the chunk's end in ticks, which its last constant pool (written as it closed) also
     * gives; each chunk starts where the one before ended.
     */
    private static void checkHeader(ChunkReader c, ChunkReader.Ending previous, Findings findings) {
        if (c.ticksPerSecond <= 0) {
            findings.damage(c.label + ": its header gives a clock rate of " + c.ticksPerSecond + " ticks a second");
            return;
        }
        if (c.finished && c.durationNanos >= 0) {
            long endTicks = c.startTicks + c.ticks(c.durationNanos);
            long last = c.lastCheckpointTicks();
            double late = ((double) last - endTicks) * 1e9 / c.ticksPerSecond;
            if (last != Long.MIN_VALUE && (late > HEADER_LATE_NANOS || -late > HEADER_EARLY_NANOS)) {
                findings.damage(String.format(Locale.ROOT, "%s: its header's start, duration and clock rate put its "
                        + "end %.3f s %s its last constant pool", c.label, Math.abs(late) / 1e9,
                        late > 0 ? "before" : "after"));
            }
        } else if (c.durationNanos < 0) {
            findings.damage(c.label + ": its header gives a negative duration");
        }
        if (previous != null && previous.finished()) {
            long gapNanos = c.startNanos - previous.endNanos();
            double gapTicks = (c.startTicks - previous.endTicks()) * 1e9 / c.ticksPerSecond;
            if (Math.abs(gapNanos) > ROTATION_NANOS || Math.abs(gapTicks) > ROTATION_NANOS) {
                findings.damage(String.format(Locale.ROOT, "%s: its header does not start where %s ended (%.3f s "
                        + "apart by the clock, %.3f s by the ticks)", c.label, previous.label(), gapNanos / 1e9,
                        gapTicks / 1e9));
            }
        }
    }

}
