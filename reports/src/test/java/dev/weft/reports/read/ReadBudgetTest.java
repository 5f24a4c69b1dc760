package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.ModelBuilder;

import org.junit.jupiter.api.Test;

/** Which chunks the focused parser holds in the heap, and the model's share of the heap beside them. */
class ReadBudgetTest {

    private static final long MB = 1L << 20;

    @Test
    void aChunkIsReadIntoTheHeapWhenTwoOfItsSizeTakeAQuarterOfItAtMost() {
        assertTrue(FastParser.readsIntoHeap(12 * MB, 128 * MB), "JFR's default chunks, the exit report's heap");
        assertTrue(FastParser.readsIntoHeap(64 * MB, 512 * MB));
        assertFalse(FastParser.readsIntoHeap(12 * MB, 32 * MB), "a small exit report heap maps them");
        assertFalse(FastParser.readsIntoHeap(65 * MB, 512 * MB), "a larger chunk of the same file is mapped");
    }

    @Test
    void chunksOfTheUsualSizeShareTheAnalysisReserve() {
        assertEquals(ModelBuilder.budgetFor(128 * MB), JfrReader.budget(128 * MB, 16 * MB));
        assertEquals(ModelBuilder.budgetFor(512 * MB), JfrReader.budget(512 * MB, 16 * MB));
        assertEquals(ModelBuilder.budgetFor(16 * MB), JfrReader.budget(16 * MB, 2 * MB), "the smallest exit heap");
    }

    @Test
    void largeChunksInTheHeapTakeWhatTheyNeedBeyondTheReserveFromTheModel() {
        // two chunks of 64 MB and the read's headroom are 16 MB more than the 128 MB reserve of a 512 MB heap
        assertEquals(ModelBuilder.budgetFor(512 * MB) - 16 * MB, JfrReader.budget(512 * MB, 64 * MB));
    }

    @Test
    void withNoChunkInTheHeapTheModelHasTheUsualBudget() {
        assertEquals(ModelBuilder.budgetFor(512 * MB), JfrReader.budget(512 * MB, 0));
    }
}
