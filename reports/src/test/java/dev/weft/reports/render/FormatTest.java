package dev.weft.reports.render;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatTest {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void utcMillisWritesWhatJavaTimeWrites() {
        long[] fixed = {0L, 1L, 999L, 1000L, -1L, -1001L, 1_764_550_000_000L, 1_764_550_003_042L,
                951_782_400_000L /* 2000-02-29 */, -62_135_596_800_000L /* year 1 */, 253_402_300_799_999L};
        for (long ms : fixed) {
            assertEquals(ISO_MILLIS.format(Instant.ofEpochMilli(ms)), Format.utcMillis(ms), "at " + ms);
        }
        Random random = new Random(12);
        for (int i = 0; i < 10_000; i++) {
            long ms = random.nextLong(-62_135_596_800_000L, 253_402_300_800_000L);
            assertEquals(ISO_MILLIS.format(Instant.ofEpochMilli(ms)), Format.utcMillis(ms), "at " + ms);
        }
    }

    @Test
    void utcMillisMatchesInstantToStringToTheMillisecond() {
        long ms = 1_764_550_003_042L;
        assertEquals(Instant.ofEpochMilli(ms).toString(), Format.utcMillis(ms));
    }
}
