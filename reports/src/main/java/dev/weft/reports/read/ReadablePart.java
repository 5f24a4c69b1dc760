package dev.weft.reports.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The part of a recording the JDK's parser can read: the file itself when it is sound, else a
 * temporary copy of its sound chunks, with chunks still marked "being written" marked complete (their
 * header already describes the data flushed so far), deleted on {@link #close()}.
 */
final class ReadablePart implements AutoCloseable {

    final Path file;
    private final boolean temporary;

    private ReadablePart(Path file, boolean temporary) {
        this.file = file;
        this.temporary = temporary;
    }

    static ReadablePart of(Path jfr, ChunkScan scan) throws IOException {
        if (scan.sound()) {
            return new ReadablePart(jfr, false);
        }
        Path copy = Files.createTempFile("weft-readable-", ".jfr");
        try (FileChannel in = FileChannel.open(jfr, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < scan.readable) {
                long n = in.transferTo(done, scan.readable - done, out);
                if (n <= 0) {
                    throw new IOException("the file shrank while it was read");
                }
                done += n;
            }
            for (long chunk : scan.unfinished) {
                out.write(ByteBuffer.wrap(new byte[] {0}), ChunkScan.stateOffset(chunk));
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new ReadablePart(copy, true);
    }

    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind harms nothing
            }
        }
    }
}
