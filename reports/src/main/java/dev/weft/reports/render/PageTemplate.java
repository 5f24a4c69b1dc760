package dev.weft.reports.render;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One of the viewer's page templates (the timeline, the diff), as the build assembled it from the
 * parts in {@code src/main/viewer}: split at the data marker, with its Content-Security-Policy
 * rewritten to allow exactly the page's one script and one style element, by their SHA-256 hashes,
 * and nothing else from anywhere. Should a recorded string ever slip out of its JSON, the browser
 * would still refuse to run it.
 *
 * <p>Kept as bytes, as the page is written: a template is read once a report, at its start, and decoding,
 * splitting and encoding it again as text took a short report's process milliseconds (it holds non-ASCII
 * characters, so its text is two bytes a character).
 */
final class PageTemplate {

    /** The placeholder in the template's {@code weft-data} script element that the data replaces. */
    static final String MARKER = "{\"weft\":\"no-data\"}";
    /** The template's own policy (it opens as it is, for development); written pages get {@link #policy()}. */
    static final String TEMPLATE_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'";

    /** The templates read so far, by resource name: each is read once. */
    private static final Map<String, PageTemplate> LOADED = new ConcurrentHashMap<>();

    /** The page up to the data, with the written pages' policy, in UTF-8. */
    private final byte[] head;
    /** The page after the data, in UTF-8. */
    private final byte[] tail;
    /** The Content-Security-Policy of written pages. */
    private final String policy;

    private PageTemplate(byte[] head, byte[] tail, String policy) {
        this.head = head;
        this.tail = tail;
        this.policy = policy;
    }

    /** The template resource {@code name}, next to this class: read and checked on first use. */
    static PageTemplate of(String name) {
        return LOADED.computeIfAbsent(name, PageTemplate::load);
    }

    private static PageTemplate load(String name) {
        try (InputStream in = PageTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + name + " is missing");
            }
            // the HTML parser turns CR LF into LF before hashing a script: so must we
            byte[] page = withoutCarriageReturns(in.readAllBytes());
            byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
            int at = indexOf(page, marker, 0);
            if (at < 0 || indexOf(page, marker, at + 1) >= 0) {
                throw new IllegalStateException("template " + name + " must hold the data marker exactly once");
            }
            Map<String, String> hashes = hashes(name);
            String hashed = "default-src 'none'; script-src 'sha256-" + hashes.get("script")
                    + "'; style-src 'sha256-" + hashes.get("style") + "'; base-uri 'none'; form-action 'none'";
            byte[] meta = ("content=\"" + TEMPLATE_POLICY + "\"").getBytes(StandardCharsets.UTF_8);
            int m = indexOf(page, meta, 0);
            if (m < 0 || m > at) {
                throw new IllegalStateException("template " + name + " must declare the policy " + TEMPLATE_POLICY);
            }
            byte[] written = ("content=\"" + hashed + "\"").getBytes(StandardCharsets.UTF_8);
            int between = at - m - meta.length;
            byte[] head = new byte[m + written.length + between];
            System.arraycopy(page, 0, head, 0, m);
            System.arraycopy(written, 0, head, m, written.length);
            System.arraycopy(page, m + meta.length, head, m + written.length, between);
            return new PageTemplate(head, Arrays.copyOfRange(page, at + marker.length, page.length), hashed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }

    /** {@code page} with each CR LF made LF ({@code page} itself when it has none). */
    private static byte[] withoutCarriageReturns(byte[] page) {
        if (indexOf(page, new byte[] {'\r', '\n'}, 0) < 0) {
            return page;
        }
        byte[] out = new byte[page.length];
        int n = 0;
        for (int i = 0; i < page.length; i++) {
            if (page[i] != '\r' || i + 1 == page.length || page[i + 1] != '\n') {
                out[n++] = page[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Where {@code what} first occurs in {@code bytes} from {@code from} on, or -1. */
    private static int indexOf(byte[] bytes, byte[] what, int from) {
        for (int i = from; i <= bytes.length - what.length; i++) {
            int j = 0;
            while (j < what.length && bytes[i + j] == what[j]) {
                j++;
            }
            if (j == what.length) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The SHA-256 of the template's one script and one style element, by element, as the build wrote them
     * beside it ({@code AssembleViewer}): a fresh JVM would spend 50 ms or more on hashing them itself.
     */
    static Map<String, String> hashes(String name) throws IOException {
        try (InputStream in = PageTemplate.class.getResourceAsStream(name + ".sha256")) {
            if (in == null) {
                throw new IllegalStateException("template resource " + name + ".sha256 is missing");
            }
            Map<String, String> hashes = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] kv = line.strip().split(" ", 2);
                if (kv.length == 2) {
                    hashes.put(kv[0], kv[1]);
                }
            }
            if (!hashes.containsKey("script") || !hashes.containsKey("style")) {
                throw new IllegalStateException("template resource " + name + ".sha256 lacks a hash: " + hashes);
            }
            return hashes;
        }
    }

    /** The template as it is, without data (but with the written pages' policy). */
    String text() {
        return new String(head, StandardCharsets.UTF_8) + MARKER + new String(tail, StandardCharsets.UTF_8);
    }

    /** The Content-Security-Policy of written pages. */
    String policy() {
        return policy;
    }

    /** The text between the only {@code open} and the {@code close} after it, in the page {@code name}. */
    static String only(String name, String text, String open, String close) {
        int a = text.indexOf(open);
        if (a < 0 || text.indexOf(open, a + 1) >= 0) {
            throw new IllegalStateException("template " + name + " must hold exactly one " + open);
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

    /** Writes a page's data as one JSON value. */
    @FunctionalInterface
    interface Data {
        void write(JsonWriter json) throws IOException;
    }

    /** Streams the page with {@code data} in it to {@code out} (not closed) and returns the bytes written. */
    long write(OutputStream out, Data data) throws IOException {
        Counting counting = new Counting(out);
        counting.write(head);
        Writer writer = new Utf8Writer(counting);
        data.write(new JsonWriter(writer));
        writer.flush(); // the data's last bytes before the tail
        counting.write(tail);
        return counting.count;
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
