package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.reports.model.ModelBuilder;

import org.junit.jupiter.api.Test;

/** The model's share of the heap while the focused parser holds whole chunks in it. */
class ReadBudgetTest {

    private static final long MB = 1L << 20;

    @Test
    void chunksOfTheUsualSizeShareTheAnalysisReserve() {
        // JFR rotates chunks at 12 MB by default: two of them and their pools fit beside the reserve
        assertEquals(ModelBuilder.budgetFor(128 * MB), JfrReader.budget(128 * MB, 12 * MB));
        assertEquals(ModelBuilder.budgetFor(512 * MB), JfrReader.budget(512 * MB, 16 * MB));
    }

    @Test
    void largeChunksTakeTheirBytesFromTheModel() {
        // two chunks of 40 MB and the read's headroom leave 128 - 80 - 16 MB
        assertEquals(32 * MB, JfrReader.budget(128 * MB, 40 * MB));
        assertEquals(0, Math.max(0, JfrReader.budget(64 * MB, 40 * MB)), "chunks that fill the heap leave the model nothing");
    }
}
