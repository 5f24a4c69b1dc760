package dev.weft.reports.render;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A small streaming JSON writer whose output is safe inside an HTML {@code <script>} element:
 * besides the usual escapes, {@code < > &} become {@code \u003c \u003e \u0026} and the line
 * separators U+2028/U+2029 are escaped, so the text can never close the element. Valid surrogate
 * pairs are written as is (UTF-8 encodes them); lone surrogates are escaped so they round-trip.
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    /** {@code out}, when it is a page's own writer: numbers and punctuation then go straight into its bytes. */
    private final Utf8Writer bytes;
    private boolean[] first = new boolean[16];
    private int depth;
    private boolean afterName;
    private final char[] digits = new char[20];

    public JsonWriter(Writer out) {
        this.out = out;
        this.bytes = out instanceof Utf8Writer u ? u : null;
    }

    public JsonWriter beginObject() throws IOException {
        return open('{');
    }

    public JsonWriter endObject() throws IOException {
        return close('}');
    }

    public JsonWriter beginArray() throws IOException {
        return open('[');
    }

    public JsonWriter endArray() throws IOException {
        return close(']');
    }

    public JsonWriter name(String name) throws IOException {
        separate();
        quote(name, out);
        out.write(':');
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) throws IOException {
        separate();
        if (value == null) {
            out.write("null");
        } else {
            quote(value, out);
        }
        return this;
    }

    public JsonWriter value(long value) throws IOException {
        separate();
        writeLong(value);
        return this;
    }

    public JsonWriter value(boolean value) throws IOException {
        separate();
        out.write(value ? "true" : "false");
        return this;
    }

    /** A number rounded to 4 decimals; {@code null} when not finite. */
    public JsonWriter value(double value) throws IOException {
        separate();
        if (!Double.isFinite(value)) {
            out.write("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            writeLong((long) value);
        } else if (Math.abs(value) < 1e14) {
            // the same number as the rounded double, written without the cost of Double.toString
            fixed(Math.round(value * 10_000.0), 4);
        } else {
            out.write(Double.toString(Math.round(value * 10_000.0) / 10_000.0));
        }
        return this;
    }

    /**
     * A fixed-point number {@code unscaled / 10^scale}, written exactly (no floating point) with
     * trailing zeros dropped: {@code decimal(12345, 3)} is {@code 12.345}, {@code decimal(1500, 3)} is
     * {@code 1.5}. Used for times, where a double's rounding would print {@code 0.30000000000000004}.
     */
    public JsonWriter decimal(long unscaled, int scale) throws IOException {
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale " + scale);
        }
        separate();
        fixed(unscaled, scale);
        return this;
    }

    private void fixed(long unscaled, int scale) throws IOException {
        if (scale == 0) {
            writeLong(unscaled);
            return;
        }
        if (unscaled == Long.MIN_VALUE) {
            out.write(BigDecimal.valueOf(unscaled, scale).stripTrailingZeros().toPlainString());
            return;
        }
        long pow = 1;
        for (int i = 0; i < scale; i++) {
            pow *= 10;
        }
        boolean negative = unscaled < 0;
        long abs = negative ? -unscaled : unscaled;
        long whole = abs / pow;
        long fraction = abs % pow;
        if (negative) {
            punctuation('-');
        }
        writeLong(whole);
        if (fraction != 0) {
            int digits = scale;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            punctuation('.');
            int pos = this.digits.length;
            for (int i = 0; i < digits; i++) {
                this.digits[--pos] = (char) ('0' + (fraction % 10));
                fraction /= 10;
            }
            out.write(this.digits, pos, this.digits.length - pos);
        }
    }

    public JsonWriter nullValue() throws IOException {
        separate();
        out.write("null");
        return this;
    }

    public JsonWriter name(String name, String value) throws IOException {
        return name(name).value(value);
    }

    public JsonWriter name(String name, long value) throws IOException {
        return name(name).value(value);
    }

    public JsonWriter name(String name, double value) throws IOException {
        return name(name).value(value);
    }

    public JsonWriter name(String name, boolean value) throws IOException {
        return name(name).value(value);
    }

    private JsonWriter open(char c) throws IOException {
        separate();
        punctuation(c);
        if (++depth == first.length) {
            first = Arrays.copyOf(first, depth * 2);
        }
        first[depth] = true;
        return this;
    }

    private JsonWriter close(char c) throws IOException {
        if (depth == 0) {
            throw new IllegalStateException("nothing to close");
        }
        depth--;
        punctuation(c);
        return this;
    }

    private void separate() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (first[depth]) {
                first[depth] = false;
            } else {
                punctuation(',');
            }
        }
    }

    private void punctuation(char c) throws IOException {
        if (bytes != null) {
            bytes.writeAscii(c);
        } else {
            out.write(c);
        }
    }

    private void writeLong(long v) throws IOException {
        if (bytes != null) {
            bytes.writeLong(v);
            return;
        }
        if (v == Long.MIN_VALUE) {
            out.write(Long.toString(v));
            return;
        }
        int pos = digits.length;
        boolean negative = v < 0;
        long x = negative ? -v : v;
        do {
            digits[--pos] = (char) ('0' + (x % 10));
            x /= 10;
        } while (x != 0);
        if (negative) {
            digits[--pos] = '-';
        }
        out.write(digits, pos, digits.length - pos);
    }

    /** The ASCII characters that go into a string as they are: most of every name, so checked first. */
    private static final boolean[] PLAIN = new boolean[0x7f];

    static {
        for (char c = 0x20; c < PLAIN.length; c++) {
            PLAIN[c] = "\"\\<>&".indexOf(c) < 0;
        }
    }

    /** Writes {@code s} as a quoted JSON string, escaped for embedding in HTML. */
    public static void quote(String s, Writer out) throws IOException {
        out.write('"');
        int run = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < PLAIN.length && PLAIN[c]) {
                continue;
            }
            String escape = null;
            boolean unicode = false;
            switch (c) {
                case '"' -> escape = "\\\"";
                case '\\' -> escape = "\\\\";
                case '\n' -> escape = "\\n";
                case '\r' -> escape = "\\r";
                case '\t' -> escape = "\\t";
                case '\b' -> escape = "\\b";
                case '\f' -> escape = "\\f";
                case '<', '>', '&', '\u2028', '\u2029', '\u007f' -> unicode = true;
                default -> {
                    if (c < 0x20) {
                        unicode = true;
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            i++;
                            continue;
                        }
                        unicode = true;
                    } else if (Character.isLowSurrogate(c)) {
                        unicode = true;
                    }
                }
            }
            if (escape == null && !unicode) {
                continue;
            }
            if (i > run) {
                out.write(s, run, i - run);
            }
            if (escape != null) {
                out.write(escape);
            } else {
                out.write('\\');
                out.write('u');
                out.write(HEX[(c >> 12) & 0xF]);
                out.write(HEX[(c >> 8) & 0xF]);
                out.write(HEX[(c >> 4) & 0xF]);
                out.write(HEX[c & 0xF]);
            }
            run = i + 1;
        }
        if (n > run) {
            out.write(s, run, n - run);
        }
        out.write('"');
    }
}
