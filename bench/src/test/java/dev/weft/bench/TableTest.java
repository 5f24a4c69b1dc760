package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void aGoalIsMetOnlyWhenTheWholeErrorBarIsWithinIt() {
        assertEquals("yes", Table.verdict(8, 2, 10));
        assertEquals("within noise", Table.verdict(9, 2, 10));
        assertEquals("within noise", Table.verdict(11, 2, 10));
        assertEquals("no", Table.verdict(13, 2, 10));
    }

    @Test
    void withoutAnErrorBarThePointEstimateDecides() {
        assertEquals("yes", Table.verdict(10, Double.NaN, 10));
        assertEquals("no", Table.verdict(10.5, Double.NaN, 10));
    }

    @Test
    void columnsAreAlignedAndNotesFollowTheTable() {
        Table t = new Table();
        t.row("a long description", "1", "2", "+1", "≤ 5", "yes");
        t.note("a note");
        List<String> lines = t.render().lines().toList();
        assertEquals(5, lines.size());
        assertEquals(lines.get(0).length(), lines.get(1).length());
        assertEquals(lines.get(0).length(), lines.get(2).length());
        assertEquals("a note", lines.get(4));
    }
}
