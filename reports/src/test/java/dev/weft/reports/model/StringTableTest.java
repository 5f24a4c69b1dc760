package dev.weft.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StringTableTest {

    @Test
    void equalStringsShareAnIdWhateverTheInstanceAndCollidingHashesDoNot() {
        // "Aa" and "BB" have the same hash, as do every string made of them: a remembered instance is no answer
        String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB"};
        Random random = new Random(9);
        StringTable table = new StringTable();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String s = switch (random.nextInt(3)) {
                case 0 -> colliding[random.nextInt(colliding.length)];
                case 1 -> "stack " + random.nextInt(3_000);
                default -> new String(colliding[random.nextInt(colliding.length)]); // an equal, other instance
            };
            int id = table.id(s);
            Integer before = expected.putIfAbsent(s, id);
            assertEquals(before == null ? id : before, id, "the id of " + s);
            assertEquals(s, table.get(id));
        }
        assertEquals(expected.size(), table.size());
        assertEquals(StringTable.NONE, table.id(null));
    }
}
