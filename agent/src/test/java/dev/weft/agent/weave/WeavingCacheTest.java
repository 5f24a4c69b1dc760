package dev.weft.agent.weave;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeavingCacheTest {

    @TempDir
    Path root;

    private WeavingCache open(String build, String filter) {
        WeavingCache cache = WeavingCache.open(root, build, filter, true);
        assertNotNull(cache, "a private temporary directory holds a cache");
        return cache;
    }

    @Test
    void wovenBytesRoundTripAndAMissIsNull() {
        WeavingCache cache = open("build-1", "a.B::c");
        String key = cache.key("java/lang/Thread", new byte[] {1, 2, 3});
        assertNull(cache.get(key, "java/lang/Thread"));
        cache.put(key, "java/lang/Thread", new byte[] {9, 8, 7});
        WeavingCacheEntry.Content c = cache.get(key, "java/lang/Thread");
        assertFalse(c.unchanged());
        assertArrayEquals(new byte[] {9, 8, 7}, c.woven());
    }

    @Test
    void aClassThatNeedsNoWeavingIsRememberedAsUnchanged() {
        WeavingCache cache = open("build-1", "");
        String key = cache.key("com/example/Plain", new byte[] {1});
        cache.put(key, "com/example/Plain", null);
        assertTrue(cache.get(key, "com/example/Plain").unchanged());
    }

    @Test
    void theKeyDependsOnEverythingThatShapesTheWeaving() {
        WeavingCache a = open("build-1", "a.B");
        WeavingCache otherBuild = open("build-2", "a.B");
        WeavingCache otherFilter = open("build-1", "a.C");
        byte[] bytes = {1, 2, 3};
        String key = a.key("x/Y", bytes);
        assertEquals(key, a.key("x/Y", bytes.clone()));
        assertNotEquals(key, a.key("x/Z", bytes));
        assertNotEquals(key, a.key("x/Y", new byte[] {1, 2, 4}));
        assertNotEquals(key, otherBuild.key("x/Y", bytes));
        assertNotEquals(key, otherFilter.key("x/Y", bytes));
        assertNotEquals(a.dir(), otherBuild.dir(), "each agent build has its own set, pruned as a whole");
        assertEquals(a.dir(), otherFilter.dir());
    }

    @Test
    void everyEntryIsPrivateToTheUser() throws Exception {
        WeavingCache cache = open("build-1", "");
        String key = cache.key("x/Y", new byte[] {1});
        cache.put(key, "x/Y", new byte[] {5});
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.dir())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.dir().resolve(key))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve(WeavingCacheSecret.FILE_NAME))));
    }

    @Test
    void aDamagedEntryIsAMissAndIsDeleted() throws Exception {
        WeavingCache cache = open("build-1", "");
        String key = cache.key("x/Y", new byte[] {1});
        cache.put(key, "x/Y", new byte[] {5, 6, 7, 8});
        Path entry = cache.dir().resolve(key);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 1] ^= 1;
        Files.write(entry, bytes);
        assertNull(cache.get(key, "x/Y"));
        assertFalse(Files.exists(entry), "deleted, so the next weave stores a sound one");
        assertEquals(1, cache.discarded());
    }

    @Test
    void anEntryOthersCanWriteIsNeverRead() throws Exception {
        WeavingCache cache = open("build-1", "");
        String key = cache.key("x/Y", new byte[] {1});
        cache.put(key, "x/Y", new byte[] {5});
        Files.setPosixFilePermissions(cache.dir().resolve(key), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertNull(cache.get(key, "x/Y"));
    }

    @Test
    void theDefaultPlaceIsTheUsersCacheDirectoryOrNone() {
        assertEquals(Path.of("/x/cache/weft"), WeavingCache.defaultRoot("/x/cache", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/weft"), WeavingCache.defaultRoot(null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/weft"), WeavingCache.defaultRoot("relative", "/home/u"), "XDG: ignored");
        assertNull(WeavingCache.defaultRoot(null, "?"), "no home: no cache, rather than one in the working directory");
    }

    @Test
    void theOpenerOpensOnItsOwnThreadAndSaysWhyItCannot() throws Exception {
        List<String> said = new java.util.ArrayList<>();
        dev.weft.agent.Console.relayTo(said::add);
        try {
            WeavingCache cache = WeavingCacheOpener.start(root, () -> "build", "", true).await();
            assertNotNull(cache);
            assertEquals(root.toRealPath(), cache.dir().getParent());
            Path shared = Files.createDirectory(root.resolve("shared"));
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            assertNull(WeavingCacheOpener.start(shared, () -> "build", "", true).await());
            assertEquals(1, said.size(), said.toString());
            assertTrue(said.get(0).startsWith("weaving cache not used: ") && said.get(0).contains("writable"), said.get(0));
        } finally {
            dev.weft.agent.Console.relayTo(null);
        }
    }

    @Test
    void anUnusableDirectoryMeansNoCacheNotAnError() throws Exception {
        Path file = Files.writeString(root.resolve("a-file"), "x");
        assertNull(WeavingCache.open(file.resolve("sub"), "build", "", false));
    }

    @Test
    void anUnknownAgentBuildMeansNoCacheRatherThanOneThatNeverHits() throws Exception {
        assertNull(WeavingCache.open(root.resolve("c"), null, "", false));
        assertFalse(Files.exists(root.resolve("c")), "nothing written");
    }

    @Test
    void aRootOthersCanWriteIsRefusedAndLeftUntouched() throws Exception {
        Path shared = Files.createDirectory(root.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNull(WeavingCache.open(shared, "build", "", false));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwx---"));
        assertNull(WeavingCache.open(shared, "build", "", false), "group-writable too");
        try (Stream<Path> files = Files.list(shared)) {
            assertEquals(List.of(), files.toList(), "nothing written into a refused directory");
        }
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertNotNull(WeavingCache.open(shared, "build", "", false), "others may read, as ~/.cache usually allows");
    }

    @Test
    void aSecretOthersCanReadIsRefused() throws Exception {
        open("build", "");
        Files.setPosixFilePermissions(root.resolve(WeavingCacheSecret.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));
        assertNull(WeavingCache.open(root, "build", "", false));
    }

    @Test
    void aDamagedSecretIsReplacedAndOldEntriesMiss() throws Exception {
        WeavingCache cache = open("build", "");
        String key = cache.key("x/Y", new byte[] {1});
        cache.put(key, "x/Y", new byte[] {5});
        Files.write(root.resolve(WeavingCacheSecret.FILE_NAME), new byte[] {1, 2, 3});
        WeavingCache again = open("build", "");
        assertEquals(WeavingCacheSecret.LENGTH, Files.size(root.resolve(WeavingCacheSecret.FILE_NAME)));
        assertNull(again.get(key, "x/Y"), "made under the old secret");
    }

    @Test
    void methodOrderDoesNotChangeTheKeyAnyOtherByteDoes() throws Exception {
        byte[] original;
        try (InputStream in = WeavingCacheTest.class.getResourceAsStream("WeavingCacheTest.class")) {
            original = in.readAllBytes();
        }
        int[] bounds = WeavingCacheKey.methodBounds(original);
        assertNotNull(bounds, "a class file javac wrote is readable");
        assertTrue(bounds.length > 5, "this class has several methods");
        byte[] reversed = reverseMethods(original, bounds);
        assertFalse(java.util.Arrays.equals(original, reversed));

        WeavingCache cache = open("build", "");
        String key = cache.key("dev/weft/agent/weave/WeavingCacheTest", original);
        assertEquals(key, cache.key("dev/weft/agent/weave/WeavingCacheTest", reversed));

        byte[] changed = original.clone();
        changed[bounds[1] - 1] ^= 1; // the last byte of the first method
        assertNotEquals(key, cache.key("dev/weft/agent/weave/WeavingCacheTest", changed));
        byte[] shorter = java.util.Arrays.copyOf(original, original.length - 1);
        assertNotEquals(key, cache.key("dev/weft/agent/weave/WeavingCacheTest", shorter), "not a class file: keyed as it is");
        assertNull(WeavingCacheKey.methodBounds(shorter));
    }

    /** The class file with its methods in reverse order: what the JVM's reconstitution does, in effect. */
    static byte[] reverseMethods(byte[] b, int[] bounds) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int first = bounds[0];
        int end = bounds[bounds.length - 1];
        out.write(b, 0, first);
        for (int i = bounds.length - 2; i >= 0; i--) {
            out.write(b, bounds[i], bounds[i + 1] - bounds[i]);
        }
        out.write(b, end, b.length - end);
        return out.toByteArray();
    }
}
