package dev.weft.reports.read;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads one chunk's bytes the way JFR writes them: integers as LEB128 varints (up to 9 bytes, the
 * ninth holding 8 bits), raw big-endian fixed-size values in headers, floats and doubles, and strings
 * with an encoding byte. Positions are relative to the chunk's start; reading past the chunk's end
 * throws {@link IndexOutOfBoundsException}, which the caller takes as damage.
 */
final class JfrBytes {

    static final byte STRING_NULL = 0;
    static final byte STRING_EMPTY = 1;
    static final byte STRING_POOL = 2;
    static final byte STRING_UTF8 = 3;
    static final byte STRING_CHARS = 4;
    static final byte STRING_LATIN1 = 5;

    /**
     * The chunk read into the heap: array reads cost the least under C1, which the reports run with;
     * {@code null} when it is {@link #mapped} instead, because the heap is too small to hold it.
     */
    private final byte[] array;
    private final ByteBuffer mapped;
    private final int limit;
    int pos;
    private byte[] scratch;
    /** Strings read lately, by a hash of their bytes ({@link #recent}). */
    private final String[] recent = new String[256];

    JfrBytes(byte[] array) {
        this.array = array;
        this.mapped = null;
        this.limit = array.length;
    }

    JfrBytes(ByteBuffer mapped) {
        this.array = null;
        this.mapped = mapped;
        this.limit = mapped.limit();
    }

    int limit() {
        return limit;
    }

    byte u1() {
        return at(pos++);
    }

    /** The byte at {@code p}; past the chunk's end, the array's or the buffer's own check throws. */
    private byte at(int p) {
        byte[] a = array;
        return a != null ? a[p] : mapped.get(p);
    }

    int rawShort(int at) {
        return (short) ((at(at) & 0xFF) << 8 | (at(at + 1) & 0xFF));
    }

    long rawLong(int at) {
        return (long) rawInt(at) << 32 | (rawInt(at + 4) & 0xFFFFFFFFL);
    }

    private int rawInt(int at) {
        return (at(at) & 0xFF) << 24 | (at(at + 1) & 0xFF) << 16 | (at(at + 2) & 0xFF) << 8 | (at(at + 3) & 0xFF);
    }

    int rawInt() {
        int v = rawInt(pos);
        pos += 4;
        return v;
    }

    long rawLong() {
        long v = rawLong(pos);
        pos += 8;
        return v;
    }

    long varLong() {
        int p = pos;
        byte b0 = at(p);
        if (b0 >= 0) {
            pos = p + 1;
            return b0;
        }
        long v = b0 & 0x7FL;
        for (int shift = 7; shift < 56; shift += 7) {
            byte next = at(++p);
            v |= (next & 0x7FL) << shift;
            if (next >= 0) {
                pos = p + 1;
                return v;
            }
        }
        v |= (at(++p) & 0xFFL) << 56;
        pos = p + 1;
        return v;
    }

    int varInt() {
        return (int) varLong();
    }

    void skipVarLong() {
        pos = skipVarLong(pos);
    }

    /** Where the varint at {@code p} ends: at its first byte without the continuation bit, or its ninth. */
    private int skipVarLong(int p) {
        int end = p + 8;
        while (p < end && at(p) < 0) {
            p++;
        }
        return p + 1;
    }

    /** A count of items that each take at least one byte: more than the bytes left means damage. */
    int count() {
        long n = varLong();
        if (n < 0 || n > limit - pos) {
            throw new IndexOutOfBoundsException("a count of " + n + " with " + (limit - pos) + " bytes left");
        }
        return (int) n;
    }

    /** Skips a string in any encoding. */
    void skipString() {
        byte encoding = u1();
        switch (encoding) {
            case STRING_NULL, STRING_EMPTY -> {
                // nothing follows
            }
            case STRING_POOL -> skipVarLong();
            case STRING_UTF8, STRING_LATIN1 -> {
                int n = count();
                pos += n;
            }
            case STRING_CHARS -> {
                int n = count();
                int p = pos;
                for (int i = 0; i < n; i++) {
                    p = skipVarLong(p);
                }
                pos = p;
            }
            default -> throw new IllegalStateException("unknown string encoding " + encoding);
        }
    }

    /** What {@link #string(long[])} gives for a string held in the chunk's string pool (compare by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String POOLED = new String("(pooled)");

    /**
     * Reads a string; one held in the chunk's string pool comes back as {@link #POOLED}, with its key in
     * {@code pool[0]}.
     */
    String string(long[] pool) {
        byte encoding = u1();
        switch (encoding) {
            case STRING_NULL:
                return null;
            case STRING_EMPTY:
                return "";
            case STRING_POOL:
                pool[0] = varLong();
                return POOLED;
            case STRING_UTF8:
                return text(count(), StandardCharsets.UTF_8);
            case STRING_LATIN1:
                return text(count(), StandardCharsets.ISO_8859_1);
            case STRING_CHARS: {
                int n = count();
                if (ascii(n)) {
                    // how the JDK writes every string an event holds: a char a varint, here each one byte
                    String s = recent(n);
                    pos += n;
                    return s;
                }
                char[] chars = new char[n];
                for (int i = 0; i < n; i++) {
                    chars[i] = (char) varLong();
                }
                return new String(chars);
            }
            default:
                throw new IllegalStateException("unknown string encoding " + encoding);
        }
    }

    /** The {@code n} bytes at the position as text in {@code charset}; the position moves past them. */
    private String text(int n, Charset charset) {
        String s = array != null ? new String(array, pos, n, charset) : new String(copy(n), 0, n, charset);
        pos += n;
        return s;
    }

    /**
     * The string of the {@code n} ASCII bytes at the position: the same instance as the last time these bytes
     * were read, if its slot still holds it. Events repeat their strings (a wait's kind, its API), and the model
     * interns each one: a string met again then needs neither a copy nor a hash, and compares by identity.
     */
    private String recent(int n) {
        byte[] a = array;
        int h = n;
        for (int i = pos, end = pos + n; i < end; i++) {
            h = 31 * h + a[i];
        }
        int slot = (h ^ (h >>> 16)) & (recent.length - 1);
        String s = recent[slot];
        if (s == null || !sameAscii(s, a, pos, n)) {
            s = new String(a, pos, n, StandardCharsets.ISO_8859_1);
            recent[slot] = s;
        }
        return s;
    }

    private static boolean sameAscii(String s, byte[] a, int from, int n) {
        if (s.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) != a[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the {@code n} bytes at the position are in the heap and each below 0x80: one char each. */
    private boolean ascii(int n) {
        byte[] a = array;
        if (a == null) {
            return false;
        }
        for (int i = pos, end = pos + n; i < end; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The {@code n} bytes at the position of a mapped chunk, copied into a scratch array (the position does not move). */
    private byte[] copy(int n) {
        if (scratch == null || scratch.length < n) {
            scratch = new byte[Math.max(n, 64)];
        }
        mapped.get(pos, scratch, 0, n);
        return scratch;
    }
}
