package dev.weft.reports.cli;

import dev.weft.reports.ReportException;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a command's output goes: a file, written through a hidden temporary file beside it and then
 * moved into place (so a failed run never leaves half a file under the real name), or standard output.
 */
final class Output {

    /** The output file name that means standard output. */
    static final String STDOUT = "-";

    /** Writes the whole output to a stream. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private Output() {
    }

    /** The path named on the command line, or a usage error. */
    static Path path(String name, Command command) throws UsageException {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new UsageException("invalid file name '" + name + "'", command);
        }
    }

    /** Refuses an output that would replace the recording being read. */
    static void notTheRecording(Path output, Path jfr, Command command) throws UsageException {
        if (output.toAbsolutePath().normalize().equals(jfr.toAbsolutePath().normalize())) {
            throw new UsageException("the output file would overwrite the recording", command);
        }
    }

    /** Writes {@code body} to {@code file}; its directory is created when missing. */
    /**
     * Writes {@code body} to {@code target} and names it on {@code out}, or to {@code out} itself when
     * {@code target} is null (-o -); then says on {@code err} what a partial recording leaves out.
     */
    static void deliver(PrintStream out, PrintStream err, Path target, Body body, boolean partial, String what)
            throws ReportException {
        if (target == null) {
            toStdout(out, body);
        } else {
            toFile(target, body);
            out.println(target);
        }
        if (partial) {
            err.println(Main.NAME + ": warning: the recording is truncated or corrupt; " + what
                    + " the part that could be read");
        }
    }

    static void toFile(Path file, Body body) throws ReportException {
        Path absolute = file.toAbsolutePath();
        Path tmp = null;
        try {
            Path dir = absolute.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.write(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ReportException("cannot write " + file + ": " + describe(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing more to do: the message above says what failed
                }
            }
        }
    }

    /** Writes {@code body} to standard output, which stays open. */
    static void toStdout(PrintStream stdout, Body body) throws ReportException {
        try {
            OutputStream shield = new FilterOutputStream(stdout) {
                @Override
                public void write(byte[] b, int off, int len) {
                    stdout.write(b, off, len);
                }

                @Override
                public void close() {
                    stdout.flush();
                }
            };
            body.write(shield);
            stdout.flush();
        } catch (IOException e) {
            throw new ReportException("cannot write to standard output: " + describe(e), e);
        }
        // PrintStream swallows I/O errors (a closed pipe, a full disk): it only remembers them
        if (stdout.checkError()) {
            throw new ReportException("cannot write to standard output (closed or full)");
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
