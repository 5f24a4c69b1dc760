package dev.weft.reports.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a reader sees either its old content or the whole new one, never a part:
 * the content goes to a hidden temporary file beside the target, which is then renamed over it. A
 * failed or interrupted write leaves the target as it was and removes the temporary file.
 *
 * <p>The one place for this in Weft: the HTML report, the CLI's outputs, the agent's weaving cache and
 * its attach replies all write through here.
 */
public final class AtomicFile {

    /** Writes the whole content to a stream (which the caller must not close). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code content} to {@code target}, replacing an existing file; creates the target's
     * directory when missing.
     *
     * @param attributes given to the file as it is created (the weaving cache's entries are 0600 from
     *                   their first byte, not chmod-ed after)
     * @return the size of the file written, in bytes
     */
    public static long write(Path target, Content content, FileAttribute<?>... attributes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = null;
        try {
            OutputStream out = null;
            // several writers of one target (two JVMs sharing a weaving cache) each need their own file
            for (int attempt = 0; out == null; attempt++) {
                tmp = absolute.resolveSibling("." + absolute.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                try {
                    // Set.of, not EnumSet.of: an enum set's first use reflects on the enum's values, milliseconds
                    // of a short report's time
                    out = Channels.newOutputStream(Files.newByteChannel(tmp,
                            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes));
                } catch (FileAlreadyExistsException e) {
                    tmp = null;
                    if (attempt == 8) {
                        throw e;
                    }
                }
            }
            try (OutputStream o = out) {
                content.writeTo(o);
            }
            long size = Files.size(tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return size;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the write failed already; that failure is the one worth reporting
                }
            }
        }
    }

    /** Writes {@code bytes} to {@code target} as {@link #write(Path, Content, FileAttribute[])} does. */
    public static long write(Path target, byte[] bytes, FileAttribute<?>... attributes) throws IOException {
        return write(target, new Bytes(bytes), attributes);
    }

    /** A class, not a lambda: the agent writes its weaving cache from inside its class file transformer. */
    private static final class Bytes implements Content {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }
    }
}
