package dev.weft.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChargeHistogramTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void theLatestChargesGoFirstBucketByBucketAndOnlyAfterTheOneAskingForRoom() {
        ChargeHistogram h = new ChargeHistogram();
        for (int i = 0; i < 100; i++) {
            h.add(T0 + i * 10 * MS, 1);
        }
        assertEquals(3, h.removeAfter(T0, 3), "the three latest");
        assertTrue(h.removedFrom() > T0 + 960 * MS && h.removedFrom() <= T0 + 970 * MS, "from 970 ms on: "
                + (h.removedFrom() - T0) / 1e6);
        assertEquals(0, h.removeAfter(T0 + 969 * MS, 1), "nothing after 969 ms is left");
        assertEquals(Long.MAX_VALUE, h.removedFrom());
        assertEquals(96, h.removeAfter(T0 + 5 * MS, 1000), "all after the bucket of 5 ms: 10 to 960 ms");
        assertTrue(h.removedFrom() > T0 + 5 * MS && h.removedFrom() <= T0 + 10 * MS, (h.removedFrom() - T0) / 1e6 + " ms");
        assertEquals(0, h.removeAfter(T0 + 5 * MS, 1));
        assertEquals(1, h.removeAfter(T0 - MS, 1000), "what is left: the charge at 0 ms");
    }

    @Test
    void chargesBeforeTheFirstAndFarAfterItWidenTheBucketsAndKeepTheirOrder() {
        ChargeHistogram h = new ChargeHistogram();
        h.add(T0, 5);
        h.add(T0 - 60_000 * MS, 3); // a minute earlier: moved left
        h.add(T0 + 3_600_000 * MS, 7); // an hour later: widened
        assertEquals(7, h.removeAfter(T0, 1), "the hour-later charge, alone in its bucket");
        assertTrue(T0 + 3_600_000 * MS - h.removedFrom() < 3_661_000 * MS / 1000, "at a 2048th of the range or "
                + "better: " + (h.removedFrom() - T0) / 1e9 + " s");
        assertEquals(5, h.removeAfter(T0 - 60_000 * MS, 1), "then T0's");
        assertTrue(h.removedFrom() > T0 - 60_000 * MS && h.removedFrom() <= T0);
        assertEquals(0, h.removeAfter(T0 - 60_000 * MS, 1), "the earliest stays: nothing after its bucket");
        assertEquals(3, h.removeAfter(T0 - 120_000 * MS, 1));
    }

    @Test
    void aHistogramOfNothingGivesNothingBack() {
        ChargeHistogram h = new ChargeHistogram();
        assertEquals(0, h.removeAfter(T0, 10));
        assertEquals(Long.MAX_VALUE, h.removedFrom());
    }
}
