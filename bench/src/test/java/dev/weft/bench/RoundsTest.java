package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTest {

    @Test
    void aWarmUpRoundThenCountedRoundsWithTheOrderRotated() throws Exception {
        List<String> calls = new ArrayList<>();
        Rounds.run(new Progress(), "test", 2, List.of("a", "b", "c"),
                (v, counted) -> calls.add(v + (counted ? "" : " (warm-up)")));
        assertEquals(List.of("a (warm-up)", "b (warm-up)", "c (warm-up)", "c", "a", "b", "b", "c", "a"), calls,
                "no variant always runs first");
    }

    @Test
    void oneEmptySamplePerVariantInTheirOrder() {
        var samples = Rounds.samples(List.of("plain", "agent"));
        assertEquals(List.of("plain", "agent"), List.copyOf(samples.keySet()));
        assertEquals(0, samples.get("agent").size());
    }
}
