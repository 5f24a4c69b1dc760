package dev.weft.reports.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The lock-free writer encodes exactly as the JDK does, whatever the characters and however they are split. */
class Utf8WriterTest {

    private static final char[] ALPHABET = {'a', '"', '\u00e9', '\u07ff', '\u0800', '\u4e2d', '\uffff', '\uD83D',
        '\uDE00', '\uDBFF', '\uDFFF', '\n'};

    @Test
    void encodesAsTheJdkInAnySplit() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(200_000 / (round + 1) + 1);
            for (int i = 0; i < n; i++) {
                b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            String s = b.toString();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Utf8Writer w = new Utf8Writer(out);
            int at = 0;
            while (at < s.length()) {
                int len = Math.min(s.length() - at, random.nextInt(7));
                switch (random.nextInt(3)) {
                    case 0 -> w.write(s, at, len);
                    case 1 -> w.write(s.toCharArray(), at, len);
                    default -> {
                        len = 1;
                        w.write(s.charAt(at));
                    }
                }
                at += len;
                if (random.nextInt(50) == 0) {
                    w.flush();
                }
            }
            w.close();
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), out.toByteArray(), "round " + round);
        }
    }

    /** Numbers the page writes straight into its bytes, around every power of ten and of two. */
    static long[] edgeNumbers() {
        java.util.List<Long> v = new java.util.ArrayList<>(java.util.List.of(0L, 1L, -1L, 9L, 10L, Long.MAX_VALUE,
                Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE + 1L, 0xFFFFFFFFL, 0x100000000L));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            v.addAll(java.util.List.of(p - 1, p, p + 1, -p, p * 10 - 1));
        }
        for (int b = 1; b < 63; b++) {
            v.addAll(java.util.List.of((1L << b) - 1, 1L << b, -(1L << b)));
        }
        return v.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void numbersAndPunctuationWrittenAsBytesEncodeAsTheirText() throws Exception {
        Random random = new Random(7);
        long[] edges = edgeNumbers();
        for (int round = 0; round < 60; round++) {
            StringBuilder expected = new StringBuilder();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Utf8Writer w = new Utf8Writer(out);
            // about 150 KB a round (under 4 bytes an item), never flushed: past the writer's 64 KB buffer, twice
            for (int i = 0; i < 40_000; i++) {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        long v = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextLong()
                                >> random.nextInt(64);
                        w.writeLong(v);
                        expected.append(v);
                    }
                    case 1 -> {
                        char c = ",[]{}:-."
                                .charAt(random.nextInt(8));
                        w.writeAscii(c);
                        expected.append(c);
                    }
                    default -> {
                        // a character of any kind, a high surrogate left waiting among them
                        char c = ALPHABET[random.nextInt(ALPHABET.length)];
                        w.write(c);
                        expected.append(c);
                    }
                }
            }
            w.close();
            assertTrue(out.size() > 2 * (1 << 16), "past the buffer: " + out.size() + " bytes");
            assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), out.toByteArray(), "round " + round);
        }
    }
}
