package dev.weft.reports.cli;

import dev.weft.reports.ReportException;
import dev.weft.reports.io.AtomicFile;
import dev.weft.reports.io.IoErrors;
import dev.weft.reports.render.Format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a command's output goes: a file, written whole or not at all ({@link AtomicFile}: a failed run never
 * leaves half a file under the real name), or standard output.
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
            throw new UsageException("invalid file name '" + Format.safe(name, Args.ECHO) + "'", command);
        }
    }

    /** {@code dir/app.jfr} → {@code dir/app<suffix>}: the default output of a command, beside the recording. */
    static Path besideRecording(Path jfr, String suffix) {
        Path name = jfr.getFileName();
        String base = name == null ? "recording" : name.toString();
        if (base.length() > 4 && base.regionMatches(true, base.length() - 4, ".jfr", 0, 4)) {
            base = base.substring(0, base.length() - 4);
        }
        return jfr.resolveSibling(base + suffix);
    }

    /** Refuses an output that would replace the recording being read. */
    static void notTheRecording(Path output, Path jfr, Command command) throws UsageException {
        if (output.toAbsolutePath().normalize().equals(jfr.toAbsolutePath().normalize())) {
            throw new UsageException("the output file would overwrite the recording", command);
        }
    }

    /**
     * Writes {@code body} to {@code target} and names it on {@code out}, or to {@code out} itself when
     * {@code target} is null (-o -); then, when {@code partialReason} is not null, says on {@code err}
     * that {@code what} only part of the recording, and why.
     */
    static void deliver(PrintStream out, PrintStream err, Path target, Body body, String partialReason, String what)
            throws ReportException {
        if (target == null) {
            toStdout(out, body);
        } else {
            toFile(target, body);
            out.println(target);
        }
        warnIfPartial(err, partialReason, what);
    }

    /** One line on {@code err} when {@code partialReason} is not null: what covers only part, and why. */
    static void warnIfPartial(PrintStream err, String partialReason, String what) {
        if (partialReason != null) {
            err.println(Main.NAME + ": warning: " + what + " only part of the recording: " + partialReason);
        }
    }

    /** Writes {@code body} to {@code file}, whole or not at all; its directory is created when missing. */
    static void toFile(Path file, Body body) throws ReportException {
        try {
            AtomicFile.write(file, body::write);
        } catch (IOException e) {
            throw new ReportException("cannot write " + file + ": " + IoErrors.reason(e), e);
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
            throw new ReportException("cannot write to standard output: " + IoErrors.reason(e), e);
        }
        // PrintStream swallows I/O errors (a closed pipe, a full disk): it only remembers them
        if (stdout.checkError()) {
            throw new ReportException("cannot write to standard output (closed or full)");
        }
    }
}
