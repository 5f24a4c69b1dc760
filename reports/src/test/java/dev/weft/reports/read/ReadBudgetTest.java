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
    void aChunkIsReadIntoALargeHeapOnly() {
        assertTrue(FastParser.readsIntoHeap(12 * MB, 512 * MB), "JFR's default chunks, the reports CLI's heap");
        assertTrue(FastParser.readsIntoHeap(48 * MB, 512 * MB), "two take a quarter of 512 - 128 MB");
        assertFalse(FastParser.readsIntoHeap(49 * MB, 512 * MB), "a larger chunk of the same file is mapped");
        assertFalse(FastParser.readsIntoHeap(8 * MB, 128 * MB), "the exit report's default heap maps them all");
        assertFalse(FastParser.readsIntoHeap(1, 16 * MB), "so does the smallest");
    }

    @Test
    void aSmallHeapReadsOneChunksPoolsAtATimeAndKeepsFewerDecodedThreads() {
        assertTrue(FastParser.preparesAhead(512 * MB), "the reports CLI's heap: the next chunk's pools meanwhile");
        assertFalse(FastParser.preparesAhead(48 * MB), "the exit report's: one chunk's at a time");
        assertTrue(FastParser.preparesAhead(0), "0, as tests give it: every chunk mapped, two at a time");
        assertEquals(123_361, FastParser.threadsCached(512 * MB), "the lock stress's 100,000 threads each decoded once");
        assertEquals(11_565, FastParser.threadsCached(48 * MB));
        assertEquals(1024, FastParser.threadsCached(MB), "a floor");
        assertEquals(Integer.MAX_VALUE, FastParser.threadsCached(0));
    }

    @Test
    void twoChunksInTheHeapComeOutOfTheModelsShare() {
        assertEquals(ModelBuilder.budgetFor(512 * MB) - 32 * MB, JfrReader.budget(512 * MB, 16 * MB));
        assertEquals(ModelBuilder.budgetFor(200 * MB) - 8 * MB, JfrReader.budget(200 * MB, 8 * MB),
                "in a heap that reads one chunk at a time, one");
    }

    @Test
    void withNoChunkInTheHeapTheModelHasTheUsualBudget() {
        assertEquals(ModelBuilder.budgetFor(128 * MB), JfrReader.budget(128 * MB, 0));
        assertEquals(ModelBuilder.budgetFor(16 * MB), JfrReader.budget(16 * MB, 0));
    }
}
