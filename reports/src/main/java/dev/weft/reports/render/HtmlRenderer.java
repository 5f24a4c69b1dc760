package dev.weft.reports.render;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.io.AtomicFile;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Writes the HTML timeline: the template resource {@code timeline.html} up to the data marker,
 * then the data as JSON, then the rest of the template. The template opens in a browser as it is,
 * showing a "no data" state. The build assembles it from the viewer's parts in {@code src/main/viewer}
 * (see the README there): one style element and one script element, as this class expects.
 *
 * <p>The written page's Content-Security-Policy allows exactly the template's own script and style
 * element, by their SHA-256 hashes, and nothing else from anywhere: should a recorded string ever
 * slip out of its JSON, the browser would still refuse to run it.
 */
public final class HtmlRenderer {

    /** The placeholder in the template's {@code weft-data} script element that the data replaces. */
    public static final String MARKER = "{\"weft\":\"no-data\"}";
    /** The template resource, next to this class. */
    public static final String TEMPLATE = "timeline.html";
    /** The template's own policy (it opens as it is, for development); reports get {@link #policy()}. */
    static final String TEMPLATE_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'";

    private static volatile String[] template;
    private static volatile String policy;

    private HtmlRenderer() {
    }

    /**
     * Writes the report to {@code html} whole or not at all (see {@link AtomicFile}) and returns its size
     * in bytes.
     */
    public static long write(Analysis analysis, Path html, String generator) throws IOException {
        return AtomicFile.write(html, out -> write(analysis, out, generator));
    }

    /** Streams the report to {@code out} (not closed) and returns the bytes written. */
    public static long write(Analysis analysis, OutputStream out, String generator) throws IOException {
        String[] parts = template();
        Counting counting = new Counting(out);
        Writer writer = new Utf8Writer(counting);
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
                // the HTML parser turns CR LF into LF before hashing a script: so must we
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
                int at = text.indexOf(MARKER);
                if (at < 0 || text.indexOf(MARKER, at + 1) >= 0) {
                    throw new IllegalStateException("template " + TEMPLATE + " must hold the data marker exactly once");
                }
                String hashed = hashedPolicy(text);
                String meta = "content=\"" + TEMPLATE_POLICY + "\"";
                int m = text.indexOf(meta);
                if (m < 0 || m > at) {
                    throw new IllegalStateException("template " + TEMPLATE + " must declare the policy " + TEMPLATE_POLICY);
                }
                String head = text.substring(0, m) + "content=\"" + hashed + "\"" + text.substring(m + meta.length(), at);
                parts = new String[] {head, text.substring(at + MARKER.length())};
                policy = hashed;
                template = parts;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + TEMPLATE, e);
            }
        }
        return parts;
    }

    /** The Content-Security-Policy of written reports. */
    public static String policy() {
        template();
        return policy;
    }

    /** The template's policy with its one inline script and one style element allowed by hash only. */
    private static String hashedPolicy(String text) {
        String script = only(text, "<script>", "</script>");
        String style = only(text, "<style>", "</style>");
        return "default-src 'none'; script-src 'sha256-" + sha256(script) + "'; style-src 'sha256-" + sha256(style)
                + "'; base-uri 'none'; form-action 'none'";
    }

    /** The text between the only {@code open} and the {@code close} after it, in a template. */
    static String only(String text, String open, String close) {
        int a = text.indexOf(open);
        if (a < 0 || text.indexOf(open, a + 1) >= 0) {
            throw new IllegalStateException("a page template must hold exactly one " + open);
        }
        int b = text.indexOf(close, a);
        return text.substring(a + open.length(), b);
    }

    /** The base64 SHA-256 of {@code s} in UTF-8, as a Content-Security-Policy hash source wants it. */
    static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
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
