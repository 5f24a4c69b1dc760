package dev.weft.reports.read;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a recording into a {@link Model}, one event at a time, with the focused parser
 * ({@link FastParser}); the JDK's own parser reads what that one declines, or everything when the
 * system property {@value #PARSER_PROPERTY} is {@code jdk}.
 *
 * <p>Truncated or corrupt data after some readable events gives a partial model with a warning;
 * a file with nothing readable gives a {@link RecordingException} with a one-line message.
 */
public final class JfrReader {

    /** {@code fast} (the default) or {@code jdk}: which parser reads recordings. */
    public static final String PARSER_PROPERTY = "weft.reader";

    /** Which parser reads. */
    enum Parser {
        /** The focused parser, and the JDK's for what it declines. */
        FAST,
        /** The JDK's {@link jdk.jfr.consumer.RecordingFile} only. */
        JDK
    }

    private JfrReader() {
    }

    /** Reads {@code jfr} into a model. */
    public static Model read(Path jfr) throws RecordingException {
        return read(jfr, 1, false);
    }

    /**
     * Reads {@code jfr} into a model that may take a {@code 1/divisor} share of what a model may take of this
     * heap: one of several held at once, or, {@code afterOutOfMemory}, a second attempt (the model then says so).
     */
    public static Model read(Path jfr, int divisor, boolean afterOutOfMemory) throws RecordingException {
        if (jfr == null) {
            throw new RecordingException("no recording given");
        }
        String name = jfr.toString();
        if (Files.isDirectory(jfr)) {
            throw new RecordingException("cannot read " + name + ": it is a directory, not a .jfr file");
        }
        if (!Files.exists(jfr)) {
            throw new RecordingException("cannot read " + name + ": no such file");
        }
        if (!Files.isReadable(jfr)) {
            throw new RecordingException("cannot read " + name + ": permission denied");
        }
        try {
            if (Files.size(jfr) == 0) {
                throw new RecordingException("cannot read " + name + ": the file is empty");
            }
        } catch (IOException e) {
            throw new RecordingException("cannot read " + name + ": " + describe(e));
        }
        String chosen = System.getProperty(PARSER_PROPERTY, "fast").toLowerCase(Locale.ROOT);
        return read(jfr, StallGuard.DEFAULT_STALL_NANOS, chosen.equals("jdk") ? Parser.JDK : Parser.FAST,
                Math.max(1, divisor), afterOutOfMemory);
    }

    /** {@link #read(Path)} with this parser, giving up when it makes no progress for {@code stallNanos}. */
    static Model read(Path jfr, long stallNanos, Parser parser) throws RecordingException {
        return read(jfr, stallNanos, parser, 1, false);
    }

    private static Model read(Path jfr, long stallNanos, Parser parser, int divisor, boolean afterOutOfMemory)
            throws RecordingException {
        String name = jfr.toString();
        ChunkScan scan;
        try {
            scan = ChunkScan.of(jfr);
        } catch (IOException e) {
            throw new RecordingException("cannot read " + name + ": " + describe(e));
        }
        if (scan.chunks == 0) {
            throw new RecordingException("cannot read " + name + ": " + scan.damage
                    + (scan.damage.contains("truncated") ? "; nothing in it can be decoded (a chunk's constant "
                    + "pools are written at its end)" : ""));
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        long budget = budget(maxHeap, parser == Parser.FAST ? largestInHeap(scan, maxHeap) : 0);
        String retry = !afterOutOfMemory ? null : "a first reading ran out of memory: this one gave the model a "
                + "quarter of the room it first had (" + (budget / divisor >> 20) + " MB)";
        return read(jfr, name, scan, stallNanos, parser, budget / divisor, retry);
    }

    /** {@link #read(Path, long, Parser)} into a model of at most {@code budget} bytes ({@link ModelBuilder#heapBudget}). */
    static Model read(Path jfr, long stallNanos, Parser parser, long budget) throws RecordingException {
        try {
            return read(jfr, jfr.toString(), ChunkScan.of(jfr), stallNanos, parser, budget, null);
        } catch (IOException e) {
            throw new RecordingException("cannot read " + jfr + ": " + describe(e));
        }
    }

    private static Model read(Path jfr, String name, ChunkScan scan, long stallNanos, Parser parser, long budget,
                              String retry) throws RecordingException {
        ModelBuilder builder = new ModelBuilder(jfr);
        builder.heapBudget(budget);
        if (retry != null) {
            builder.warning(retry);
        }
        if (scan.damage != null) {
            builder.partial(scan.damage + "; the report shows the " + (scan.chunks == 1 ? "chunk" : scan.chunks
                    + " chunks") + " before the damage (" + ChunkScan.bytes(scan.readable) + " of "
                    + ChunkScan.bytes(scan.size) + ")");
        }
        if (scan.unfinished.length > 0) {
            builder.partial("the recording was not closed (its JVM was killed or is still running): the report "
                    + "shows what had been flushed to the file");
        }
        EventMapper mapper = new EventMapper(builder);
        StallGuard.run(() -> parse(jfr, name, scan, mapper, parser), mapper::progress, stallNanos,
                events -> "cannot read " + name + ": the JFR parser stopped making progress after "
                        + events + " events; the recording is corrupt");
        if (mapper.skipped() > 0) {
            builder.warning(mapper.skipped() + " events could not be interpreted and were skipped");
        }
        return builder.build();
    }

    /**
     * The model's heap budget in a heap of {@code maxHeap} while the focused parser reads chunks of up to
     * {@code largestInHeap} bytes into it ({@link FastParser#readsIntoHeap}; others it maps): it holds the
     * chunk it reads and, in a large heap, the next one, which it prepares meanwhile
     * ({@link FastParser#preparesAhead}); those come out of the model's share. (Sharing the reserve instead
     * ran the exit report's child out of memory: building the model needs all of it.)
     */
    static long budget(long maxHeap, long largestInHeap) {
        return ModelBuilder.budgetFor(maxHeap) - (FastParser.preparesAhead(maxHeap) ? 2 : 1) * largestInHeap;
    }

    /** The largest chunk of {@code scan} the focused parser reads into a heap of {@code maxHeap}; 0 when none. */
    private static long largestInHeap(ChunkScan scan, long maxHeap) {
        long largest = 0;
        for (int i = 0; i < scan.chunks; i++) {
            long size = scan.offsets[i + 1] - scan.offsets[i];
            largest = FastParser.readsIntoHeap(size, maxHeap) ? Math.max(largest, size) : largest;
        }
        return largest;
    }

    private static void parse(Path jfr, String name, ChunkScan scan, EventMapper mapper, Parser parser)
            throws RecordingException {
        String declined = null;
        if (parser == Parser.FAST) {
            try {
                Findings findings = FastParser.read(jfr, scan, mapper, mapper.builder());
                if (findings.any() && mapper.builder().eventCount() == 0) {
                    throw new RecordingException("cannot read " + name + ": " + findings.lines().get(0));
                }
                for (String line : findings.lines()) {
                    mapper.builder().partial(line);
                }
                return;
            } catch (FastParser.Declined e) {
                // the JDK's parser reads it, or says why it cannot
                declined = e.getMessage();
            } catch (IOException e) {
                throw new RecordingException("cannot read " + name + ": " + describe(e));
            }
        }
        try (ReadablePart part = ReadablePart.of(jfr, scan)) {
            JdkParser.read(part.file, name, mapper, mapper.builder());
        } catch (RecordingException e) {
            throw declined == null ? e : new RecordingException("cannot read " + name + ": it is damaged: " + declined);
        } catch (IOException e) {
            throw new RecordingException("cannot read " + name + ": it is damaged (" + scan.damage
                    + ") and a copy of its readable part could not be made: " + describe(e));
        }
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        if (e instanceof EOFException) {
            return "the recording is truncated or incomplete"
                    + (message == null ? "" : " (" + message + ")");
        }
        if (message != null && (message.contains("Not a Flight Recorder") || message.contains("not a JFR")
                || message.contains("chunk header") || message.contains("Chunk header")
                || message.contains("magic"))) {
            return "not a JFR recording, or a corrupt one (" + message + ")";
        }
        return "the recording is corrupt or unsupported (" + (message == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message) + ")";
    }
}
