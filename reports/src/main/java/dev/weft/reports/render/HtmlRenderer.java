package dev.weft.reports.render;

import dev.weft.reports.analyse.Analysis;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the HTML timeline: the template resource {@code timeline.html} up to the data marker,
 * then the data as JSON, then the rest of the template. The template opens in a browser as it is,
 * showing a "no data" state.
 */
public final class HtmlRenderer {

    /** The placeholder in the template's {@code weft-data} script element that the data replaces. */
    public static final String MARKER = "{\"weft\":\"no-data\"}";
    /** The template resource, next to this class. */
    public static final String TEMPLATE = "timeline.html";

    private static volatile String[] template;

    private HtmlRenderer() {
    }

    /**
     * Writes the report to {@code html} (via a hidden temporary file in the same directory, then a move)
     * and returns its size in bytes.
     */
    public static long write(Analysis analysis, Path html, String generator) throws IOException {
        Path absolute = html.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime())
                + ".tmp");
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                size = write(analysis, out, generator);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return size;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Streams the report to {@code out} (not closed) and returns the bytes written. */
    public static long write(Analysis analysis, OutputStream out, String generator) throws IOException {
        String[] parts = template();
        Counting counting = new Counting(out);
        Writer writer = new BufferedWriter(new OutputStreamWriter(counting, StandardCharsets.UTF_8), 1 << 16);
        writer.write(parts[0]);
        DataWriter.write(analysis, new JsonWriter(writer), generator);
        writer.write(parts[1]);
        writer.flush();
        return counting.count;
    }

    /** The template as it is (no data), for tests and tools. */
    public static String templateText() {
        String[] parts = template();
        return parts[0] + MARKER + parts[1];
    }

    private static String[] template() {
        String[] parts = template;
        if (parts == null) {
            try (InputStream in = HtmlRenderer.class.getResourceAsStream(TEMPLATE)) {
                if (in == null) {
                    throw new IllegalStateException("template resource " + TEMPLATE + " is missing");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int at = text.indexOf(MARKER);
                if (at < 0 || text.indexOf(MARKER, at + 1) >= 0) {
                    throw new IllegalStateException("template " + TEMPLATE + " must hold the data marker exactly once");
                }
                parts = new String[] {text.substring(0, at), text.substring(at + MARKER.length())};
                template = parts;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + TEMPLATE, e);
            }
        }
        return parts;
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
