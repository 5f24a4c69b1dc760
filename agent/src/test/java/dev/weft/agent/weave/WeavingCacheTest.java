package dev.weft.agent.weave;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeavingCacheTest {

    @TempDir
    Path root;

    @Test
    void wovenBytesRoundTripAndAMissIsNull() {
        WeavingCache cache = WeavingCache.open(root, "build-1", "a.B::c");
        assertNotNull(cache);
        String key = cache.key("java/lang/Thread", new byte[] {1, 2, 3});
        assertNull(cache.get(key));
        cache.put(key, new byte[] {9, 8, 7});
        assertArrayEquals(new byte[] {9, 8, 7}, cache.get(key));
    }

    @Test
    void aClassThatNeedsNoWeavingIsRememberedAsUnchanged() {
        WeavingCache cache = WeavingCache.open(root, "build-1", "");
        String key = cache.key("com/example/Plain", new byte[] {1});
        cache.put(key, null);
        assertTrue(WeavingCache.isUnchanged(cache.get(key)));
    }

    @Test
    void theKeyDependsOnEverythingThatShapesTheWeaving() {
        WeavingCache a = WeavingCache.open(root, "build-1", "a.B");
        WeavingCache otherBuild = WeavingCache.open(root, "build-2", "a.B");
        WeavingCache otherFilter = WeavingCache.open(root, "build-1", "a.C");
        byte[] bytes = {1, 2, 3};
        String key = a.key("x/Y", bytes);
        assertEquals(key, a.key("x/Y", bytes.clone()));
        assertNotEquals(key, a.key("x/Z", bytes));
        assertNotEquals(key, a.key("x/Y", new byte[] {1, 2, 4}));
        assertNotEquals(key, otherBuild.key("x/Y", bytes));
        assertNotEquals(key, otherFilter.key("x/Y", bytes));
    }

    @Test
    void anUnusableDirectoryMeansNoCacheNotAnError() throws Exception {
        Path file = Files.writeString(root.resolve("a-file"), "x");
        assertNull(WeavingCache.open(file.resolve("sub"), "build", ""));
    }
}
