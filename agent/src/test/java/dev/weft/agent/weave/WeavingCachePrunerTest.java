package dev.weft.agent.weave;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeavingCachePrunerTest {

    private static final long MB = 1 << 20;

    @TempDir
    Path root;

    /** A set of {@code entries} entries of {@code size} bytes each (sparse: no disk is used), last used at {@code time}. */
    private Path set(String name, int entries, long size, long time) throws Exception {
        Path dir = Files.createDirectory(root.resolve(name));
        for (int i = 0; i < entries; i++) {
            Path entry = dir.resolve(String.format("%064x", i));
            try (RandomAccessFile f = new RandomAccessFile(entry.toFile(), "rw")) {
                f.setLength(size);
            }
            Files.setLastModifiedTime(entry, FileTime.fromMillis(time + i));
        }
        Files.setLastModifiedTime(dir, FileTime.fromMillis(time));
        return dir;
    }

    @Test
    void otherSetsGoFirstLeastRecentlyUsedFirst() throws Exception {
        Path oldest = set("a", 4, 5 * MB, 1_000);
        Path middle = set("b", 4, 5 * MB, 2_000);
        Path newest = set("c", 4, 5 * MB, 3_000);
        Path current = set("current", 4, 5 * MB, 500); // opened long ago, but in use now
        long left = WeavingCachePruner.prune(root, current, 45 * MB);
        assertEquals(40 * MB, left);
        assertFalse(Files.exists(oldest), "emptied and removed");
        assertFalse(Files.exists(middle));
        assertTrue(Files.exists(newest));
        try (var files = Files.list(current)) {
            assertEquals(4, files.count(), "the running set is kept whole while others can go");
        }
    }

    @Test
    void theRunningSetLosesItsOldestEntriesWhenItAloneIsTooBig() throws Exception {
        Path current = set("current", 10, MB, 1_000);
        long left = WeavingCachePruner.prune(root, current, 4 * MB);
        assertEquals(4 * MB, left);
        assertFalse(Files.exists(current.resolve(String.format("%064x", 0))));
        assertTrue(Files.exists(current.resolve(String.format("%064x", 9))), "the newest stay");
    }

    @Test
    void filesThatAreNotTheCachesAreNeverTouched() throws Exception {
        Path other = set("other", 3, 10 * MB, 1_000);
        Path notes = Files.writeString(other.resolve("notes.txt"), "mine");
        Path current = set("current", 1, MB, 2_000);
        WeavingCachePruner.prune(root, current, 2 * MB);
        assertTrue(Files.exists(notes));
        assertTrue(Files.isDirectory(other), "kept for the file that is not the cache's");
        try (var files = Files.list(other)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void underTheBoundNothingIsDeleted() throws Exception {
        Path a = set("a", 2, MB, 1_000);
        Path current = set("current", 2, MB, 2_000);
        assertEquals(4 * MB, WeavingCachePruner.prune(root, current, 64 * MB));
        assertTrue(Files.exists(a.resolve(String.format("%064x", 1))));
    }
}
