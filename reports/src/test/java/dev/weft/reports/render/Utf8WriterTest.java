package dev.weft.reports.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
}
