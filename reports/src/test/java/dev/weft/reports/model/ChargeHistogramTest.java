package dev.weft.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChargeHistogramTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void thePrefixEndsAtTheBucketWhereTheChargesPassTheUnits() {
        ChargeHistogram h = new ChargeHistogram();
        for (int i = 0; i < 100; i++) {
            h.add(T0 + i * 10 * MS, 1);
        }
        long prefix = h.prefixWithin(40);
        assertTrue(prefix > T0 + 399 * MS && prefix <= T0 + 400 * MS, "40 charges fit, the 41st at 400 ms does not: "
                + (prefix - T0) / 1e6);
        assertEquals(Long.MAX_VALUE, h.prefixWithin(100), "all of it fits");
    }

    @Test
    void chargesBeforeTheFirstAndFarAfterItWidenTheBucketsAndKeepTheOrder() {
        ChargeHistogram h = new ChargeHistogram();
        h.add(T0, 5);
        h.add(T0 - 60_000 * MS, 3); // a minute earlier: moved left
        h.add(T0 + 3_600_000 * MS, 7); // an hour later: widened
        long first = h.prefixWithin(2);
        assertTrue(first <= T0 - 60_000 * MS, "nothing fits before the earliest: " + (first - T0) / 1e9);
        long second = h.prefixWithin(3);
        assertTrue(second > T0 - 60_000 * MS && second <= T0, "the earliest fits, T0 does not: " + (second - T0) / 1e9);
        long third = h.prefixWithin(8);
        assertTrue(third > T0 && third <= T0 + 3_600_000 * MS, (third - T0) / 1e9 + " s");
        assertTrue(T0 + 3_600_000 * MS - third < 3_661_000 * MS / 1000, "within a 2048th of the range or less "
                + "of the charge that does not fit: " + (third - T0) / 1e9 + " s");
    }

    @Test
    void aChargeAtTheSameTimeAsALaterWideningStaysInItsBucket() {
        ChargeHistogram h = new ChargeHistogram();
        for (int i = 0; i < 10_000; i++) {
            h.add(T0 + i * MS, 1);
        }
        long prefix = h.prefixWithin(5_000);
        assertTrue(Math.abs(prefix - (T0 + 5_000 * MS)) <= 10 * MS, "near 5 s: " + (prefix - T0) / 1e6 + " ms");
        assertTrue(prefix <= T0 + 5_000 * MS, "never past what fits");
    }
}
