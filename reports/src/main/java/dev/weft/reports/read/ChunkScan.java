package dev.weft.reports.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checks the chunk headers of a {@code .jfr} file before the JDK's parser sees it.
 *
 * <p>A recording is a sequence of chunks, each with a 68-byte header that gives its size and where
 * its metadata and constant pools lie (at the chunk's end, so a chunk cut short cannot be decoded at
 * all). {@link jdk.jfr.consumer.RecordingFile} handles most damage with an exception, but not all:
 * a chunk marked "still being written" whose metadata position is 0 makes it spin forever, and a
 * damaged chunk after good ones costs the last event read before it. So the reader looks first:
 * the leading run of sound chunks is what can be read.
 */
final class ChunkScan {

    static final int HEADER_SIZE = 68;
    static final int FILE_STATE = 64;
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    /** Bytes of the file that form sound chunks, from the start. */
    final long readable;
    /** Sound chunks in {@link #readable}. */
    final int chunks;
    /** Offsets of sound chunks still marked as being written (a JVM that died or is still running). */
    final long[] unfinished;
    /** The file's size. */
    final long size;
    /** Offsets of the sound chunks, and one more: the end of the last. */
    final long[] offsets;
    /** Whether some sound chunk is of format 1 (JDK 9 and 10), which only the JDK's parser reads. */
    final boolean format1;
    /** What is wrong after {@link #readable}, {@code null} when the whole file is sound. */
    final String damage;

    private ChunkScan(long readable, int chunks, long[] unfinished, long size, long[] offsets, boolean format1,
                      String damage) {
        this.format1 = format1;

        this.offsets = Arrays.copyOf(offsets, chunks + 1);
        this.offsets[chunks] = readable;
        this.readable = readable;
        this.chunks = chunks;
        this.unfinished = unfinished;
        this.size = size;
        this.damage = damage;
    }

    /** Whether the JDK parser can read the file as it is. */
    boolean sound() {
        return damage == null && unfinished.length == 0;
    }

    static ChunkScan of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
            long offset = 0;
            int chunks = 0;
            long[] unfinished = new long[0];
            long[] offsets = new long[8];
            boolean format1 = false;
            while (offset < size) {
                String chunk = chunks == 0 ? "its first chunk" : "chunk " + (chunks + 1);
                long left = size - offset;
                header.clear();
                while (header.hasRemaining() && channel.read(header, offset + header.position()) > 0) {
                    // read the whole header
                }
                header.flip();
                if (!startsWithMagic(header)) {
                    String what = chunks == 0 ? "it is not a JFR recording (no Flight Recorder chunk header)"
                            : "after " + chunks + (chunks == 1 ? " chunk, " : " chunks, ") + bytes(left)
                            + " that are not a JFR chunk";
                    return new ChunkScan(offset, chunks, unfinished, size, offsets, format1, what);
                }
                if (left < HEADER_SIZE) {
                    return new ChunkScan(offset, chunks, unfinished, size, offsets, format1, "the recording is truncated inside the "
                            + "header of " + chunk + " (" + bytes(left) + " of " + HEADER_SIZE + ")");
                }
                int major = header.getShort(4);
                int minor = header.getShort(6);
                long chunkSize = header.getLong(8);
                long constants = header.getLong(16);
                long metadata = header.getLong(24);
                byte state = header.get(FILE_STATE);
                if (major != 1 && major != 2) {
                    return new ChunkScan(offset, chunks, unfinished, size, offsets, format1, "JFR format version " + major + "."
                            + minor + " of " + chunk + " is not supported (1.x and 2.x are)");
                }
                if (chunkSize == HEADER_SIZE && metadata == 0 && state != 0) {
                    return new ChunkScan(offset, chunks, unfinished, size, offsets, format1, chunk + " is empty: the JVM had "
                            + "written nothing into it yet");
                }
                if (chunkSize < HEADER_SIZE) {
                    return new ChunkScan(offset, chunks, unfinished, size, offsets, format1, "the header of " + chunk
                            + " is damaged (chunk size " + chunkSize + ")");
                }
                if (chunkSize > left) {
                    return new ChunkScan(offset, chunks, unfinished, size, offsets, format1, "the recording is truncated: " + chunk
                            + " declares " + bytes(chunkSize) + " but only " + bytes(left) + " are left");
                }
                if (metadata < HEADER_SIZE || metadata >= chunkSize || constants < HEADER_SIZE
                        || constants >= chunkSize) {
                    return new ChunkScan(offset, chunks, unfinished, size, offsets, format1, "the header of " + chunk
                            + " is damaged (metadata at " + metadata + ", constants at " + constants + " of "
                            + chunkSize + " bytes)");
                }
                if (state != 0) {
                    unfinished = Arrays.copyOf(unfinished, unfinished.length + 1);
                    unfinished[unfinished.length - 1] = offset;
                }
                if (chunks + 1 >= offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[chunks++] = offset;
                format1 |= major == 1;
                offset += chunkSize;
            }
            return new ChunkScan(offset, chunks, unfinished, size, offsets, format1, null);
        }
    }

    /** Offset of the state byte in a chunk header: 0 once the chunk is complete. */
    static long stateOffset(long chunkOffset) {
        return chunkOffset + FILE_STATE;
    }

    private static boolean startsWithMagic(ByteBuffer header) {
        if (header.remaining() < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (header.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d bytes", n);
    }
}
