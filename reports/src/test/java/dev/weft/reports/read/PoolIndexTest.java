package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The pools' index by key against a map given the same additions: the last addition of a key stays. */
class PoolIndexTest {

    @Test
    void keysInAnyOrderAndAddedTwiceFindWhatAMapFinds() {
        Random random = new Random(42);
        for (int round = 0; round < 100; round++) {
            boolean compact = round % 2 == 0;
            PoolIndex index = compact ? PoolIndex.compact() : PoolIndex.fast();
            Map<Long, Integer> expected = new HashMap<>();
            int n = random.nextInt(3_000);
            for (int i = 0; i < n; i++) {
                // a few hundred keys, often repeated, some far apart and negative
                long key = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(500);
                int position = random.nextInt(1 << 30);
                index.add(key, position);
                expected.put(key, position);
            }
            index.freeze();
            assertEquals(expected.size(), index.size(), "one entry a key");
            for (Map.Entry<Long, Integer> e : expected.entrySet()) {
                assertEquals(e.getValue(), index.get(e.getKey()), "key " + e.getKey() + " in round " + round);
            }
            for (int i = 0; i < 100; i++) {
                long absent = 1_000 + random.nextInt(1_000_000);
                assertEquals(expected.getOrDefault(absent, -1), index.get(absent));
            }
            if (compact) {
                assertEquals(12L * index.size(), index.bytes(), "trimmed to what it holds");
            }
        }
    }

    @Test
    void keysAddedInOrderNeedNoSortAndAnEmptyIndexFindsNothing() {
        PoolIndex index = PoolIndex.compact();
        for (int i = 0; i < 100; i++) {
            index.add(3L * i, i);
        }
        index.freeze();
        assertEquals(100, index.size());
        assertEquals(7, index.get(21));
        assertEquals(-1, index.get(22));
        PoolIndex empty = PoolIndex.compact();
        empty.freeze();
        assertEquals(-1, empty.get(0));
        assertThrows(IllegalStateException.class, () -> empty.add(1, 1), "complete once frozen");
    }
}
