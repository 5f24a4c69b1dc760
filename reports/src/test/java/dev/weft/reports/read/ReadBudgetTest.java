package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.ModelBuilder;

import org.junit.jupiter.api.Test;

/** Where the focused parser holds its chunks, and the model's share of the heap beside them. */
class ReadBudgetTest {

    private static final long MB = 1L << 20;

    @Test
    void chunksAreReadIntoTheHeapWhereTwoTakeAQuarterOfItAtMost() {
        assertTrue(FastParser.readsIntoHeap(12 * MB, 128 * MB), "JFR's default chunks, the exit report's heap");
        assertTrue(FastParser.readsIntoHeap(64 * MB, 512 * MB));
        assertFalse(FastParser.readsIntoHeap(12 * MB, 32 * MB), "a small exit report heap maps them");
        assertFalse(FastParser.readsIntoHeap(65 * MB, 512 * MB));
    }

    @Test
    void chunksOfTheUsualSizeShareTheAnalysisReserve() {
        assertEquals(ModelBuilder.budgetFor(128 * MB), JfrReader.budget(128 * MB, 12 * MB));
        assertEquals(ModelBuilder.budgetFor(512 * MB), JfrReader.budget(512 * MB, 16 * MB));
    }

    @Test
    void largeChunksInTheHeapTakeTheirBytesFromTheModel() {
        // two chunks of 60 MB and the read's headroom leave 480 - 120 - 16 MB, less than the usual 360 MB
        assertEquals(344 * MB, JfrReader.budget(480 * MB, 60 * MB));
    }

    @Test
    void mappedChunksTakeNothingFromTheModel() {
        assertEquals(ModelBuilder.budgetFor(32 * MB), JfrReader.budget(32 * MB, 12 * MB));
    }
}
