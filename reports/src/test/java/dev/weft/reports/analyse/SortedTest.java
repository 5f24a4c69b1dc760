package dev.weft.reports.analyse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SortedTest {

    @Test
    void sortsKeysWithTheirValuesStablyAsABoxedSortWould() {
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(200);
            int spread = 1 + random.nextInt(round % 3 == 0 ? 5 : 1_000); // many equal keys in some rounds
            long[] keys = new long[n];
            int[] values = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = round % 7 == 0 ? i : random.nextInt(spread) - spread / 2; // some already in order
                values[i] = i;
            }
            Integer[] expected = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            long[] original = keys.clone();
            Arrays.sort(expected, Comparator.comparingLong(i -> original[i])); // stable
            Sorted.sortTogether(keys, values);
            assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), values, "round " + round);
            assertArrayEquals(Arrays.stream(expected).mapToLong(i -> original[i]).toArray(), keys, "round " + round);
        }
    }
}
