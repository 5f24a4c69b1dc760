package dev.weft.reports.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered UTF-8 writer without locks: {@code BufferedWriter} takes a lock on every {@code write},
 * and the JSON of a report is written a few characters at a time, tens of millions of times. Encodes
 * as {@code OutputStreamWriter} does, a lone surrogate as {@code ?}. Not for use by several threads.
 */
final class Utf8Writer extends Writer {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    /** A high surrogate waiting for its low half. */
    private char high;

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            put(chars[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (high == 0) {
                // a run of ASCII, the most of any page, straight into the buffer while it has room
                int stop = Math.min(end, i + buffer.length - 4 - pos);
                for (char c; i < stop && (c = s.charAt(i)) < 0x80; i++) {
                    buffer[pos++] = (byte) c;
                }
                if (i == end) {
                    return;
                }
            }
            put(s.charAt(i++));
        }
    }

    @Override
    public void write(String s) throws IOException {
        write(s, 0, s.length());
    }

    /**
     * Writes the decimal digits of {@code v}, as {@code write(Long.toString(v))} does, straight into the
     * buffer: most of a report's data is numbers. Below 2^32 a digit is a multiplication, not a division,
     * which C1, the reports' only compiler, would emit as such.
     */
    void writeLong(long v) throws IOException {
        if (high != 0 || v == Long.MIN_VALUE) {
            write(Long.toString(v));
            return;
        }
        if (pos > buffer.length - 24) {
            drain();
        }
        if (v < 0) {
            buffer[pos++] = '-';
            v = -v;
        }
        int end = pos + digits(v);
        int at = end;
        while (v >= 1L << 32) {
            long q = v / 10;
            buffer[--at] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        do {
            long q = (v * 0xCCCCCCCDL) >>> 35; // v / 10, exact for every v below 2^32
            buffer[--at] = (byte) ('0' + (v - q * 10));
            v = q;
        } while (v != 0);
        pos = end;
    }

    /** How many decimal digits {@code v >= 0} has. */
    private static int digits(long v) {
        int n = 1;
        for (long bound = 10; n < 19 && v >= bound; bound *= 10) {
            n++;
        }
        return n;
    }

    /** Writes {@code c}, which is ASCII, as {@code write(c)} does. */
    void writeAscii(char c) throws IOException {
        if (high != 0 || pos > buffer.length - 4) {
            put(c);
            return;
        }
        buffer[pos++] = (byte) c;
    }

    private void put(char c) throws IOException {
        if (pos > buffer.length - 4) {
            drain();
        }
        if (c < 0x80 && high == 0) {
            buffer[pos++] = (byte) c;
            return;
        }
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                buffer[pos++] = (byte) (0xF0 | (cp >> 18));
                buffer[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[pos++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            buffer[pos++] = '?';
            put(c);
            return;
        }
        if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            buffer[pos++] = '?';
        } else if (c < 0x800) {
            buffer[pos++] = (byte) (0xC0 | (c >> 6));
            buffer[pos++] = (byte) (0x80 | (c & 0x3F));
        } else {
            buffer[pos++] = (byte) (0xE0 | (c >> 12));
            buffer[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buffer[pos++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, pos);
        pos = 0;
    }

    /** Writes out what is buffered; a high surrogate waits for its low half, as in {@code OutputStreamWriter}. */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (high != 0) {
            high = 0;
            buffer[pos++] = '?';
        }
        flush();
        out.close();
    }
}
