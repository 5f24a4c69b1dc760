package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.weave.WeavingCache;
import dev.weft.fixture.FixtureApp;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weaving cache with the real agent in fresh JVMs of the JDK the tests run on (run the suite
 * with another JDK, e.g. {@code -Djvm=$JDK/bin/java}, to cover it): a warm start weaves every
 * class from the cache; a cache others could write is refused; damaged, planted or refused entries
 * never reach the JVM, and heal in the same run; the cache stays under its bound.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class WeavingCacheIT {

    private static final String WORKLOAD = "workload=" + FixtureApp.class.getName() + "::work";
    private static final Pattern COUNTS = Pattern.compile("weaving cache (\\d+) hits, (\\d+) misses");
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}");

    @TempDir
    Path out;

    private int runs;

    /** One run of the fixture's waits with the cache in {@code cache}, verbose. */
    private Run run(Path cache) throws Exception {
        Path dir = Files.createDirectories(out.resolve("run-" + ++runs));
        ForkedJvm.Result r = ForkedJvm.run(dir, "out=" + dir + "," + WORKLOAD + ",verbose,cache=" + cache, "waits");
        assertEquals(0, r.exitCode(), r.stderr());
        return new Run(r);
    }

    /** What one run says and records. */
    private record Run(ForkedJvm.Result result) {

        /** Classes served from the cache while the agent started. */
        int hits() {
            return counts()[0];
        }

        /** Classes not found in the cache, during start-up and after (each said in a line of its own). */
        int misses() {
            counts();
            return (int) result.weftLines().stream().filter(l -> l.startsWith("[weft] weaving cache miss: ")).count();
        }

        private int[] counts() {
            Matcher m = COUNTS.matcher(result.stderr());
            assertTrue(m.find(), result.stderr());
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }

        boolean byteBuddyLoaded() {
            assertTrue(result.stderr().contains("Byte Buddy "), result.stderr());
            return !result.stderr().contains("Byte Buddy not loaded");
        }

        List<String> instrumented() {
            return result.weftLines().stream().filter(l -> l.startsWith("[weft] instrumented "))
                    .map(l -> l.substring("[weft] instrumented ".length())).distinct().sorted().toList();
        }

        RecordedEvent status() throws Exception {
            return events().stream().filter(e -> e.getEventType().getName().equals("weft.AgentStatus"))
                    .max((a, b) -> a.getStartTime().compareTo(b.getStartTime())).orElseThrow();
        }

        Map<String, Long> waitsOfMain() throws Exception {
            return events().stream().filter(e -> e.getEventType().getName().equals("weft.Wait"))
                    .filter(e -> e.getThread() != null && "main".equals(e.getThread().getJavaName()))
                    .collect(Collectors.groupingBy(e -> e.getString("kind"), Collectors.counting()));
        }

        List<RecordedEvent> events() throws Exception {
            return RecordingFile.readAllEvents(result.only(".jfr"));
        }

        /** Instrumented what it meant to, from wherever, and recorded main's waits as a clean run does. */
        void assertLike(Run clean) throws Exception {
            RecordedEvent status = status();
            assertEquals(0, status.getInt("transformErrors"), status + result.stderr());
            assertEquals("", status.getString("failedTypes"));
            assertEquals(clean.status().getInt("instrumentedTypes"), status.getInt("instrumentedTypes"), result.stderr());
            assertEquals(clean.waitsOfMain(), waitsOfMain(), "main's waits");
            assertEquals(2, events().stream().filter(e -> e.getEventType().getName().equals("weft.Workload")).count(),
                    "the workload, woven into the application's class");
            assertFalse(result.stderr().contains("could not instrument"), result.stderr());
        }
    }

    /** The entry files of the cache under {@code root}, all sets together. */
    private static List<Path> entries(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> ENTRY.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    @Test
    void warmStartsWeaveEveryClassFromTheCache() throws Exception {
        Path cache = out.resolve("cache");
        Run cold = run(cache);
        assertEquals(0, cold.hits(), "an empty cache serves nothing");
        assertTrue(cold.misses() > 20, "the JDK's wait types and the fixture: " + cold.misses());
        assertTrue(cold.byteBuddyLoaded());
        // several warm starts: on JDK 21 the JVM handed back the same class with its methods shuffled
        // in most starts, and each such class was a miss
        for (int i = 0; i < 3; i++) {
            Run warm = run(cache);
            assertEquals(0, warm.misses(), "warm start " + i + ": " + warm.result().stderr());
            assertTrue(warm.hits() > 20, "the JDK's classes from the cache: " + warm.hits());
            assertFalse(warm.byteBuddyLoaded(), "served from the cache, Byte Buddy stays unloaded");
            warm.assertLike(cold);
            assertEquals(cold.instrumented(), warm.instrumented());
        }
    }

    @Test
    void aCacheDirectoryOthersCanWriteIsRefusedNothingReadNothingWritten() throws Exception {
        Path shared = out.resolve("shared");
        Run clean = run(out.resolve("clean-cache"));
        Files.walkFileTree(out.resolve("clean-cache"), new CopyTree(shared));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Map<Path, FileTime> before = snapshot(shared);

        Run r = run(shared);
        assertRefused(r, "is writable by its group and all users (rwxrwxrwx)", before, shared);
        r.assertLike(clean);
    }

    @Test
    void aCacheDirectoryOfAnotherUserIsRefused() throws Exception {
        Path foreign = ForeignDirectory.find(out);
        boolean hadSecret = Files.exists(foreign.resolve("secret"));
        Run r = run(foreign);
        assertRefused(r, "belongs to");
        assertEquals(hadSecret, Files.exists(foreign.resolve("secret")), "nothing written");
    }

    private static void assertRefused(Run r, String why, Map<Path, FileTime> before, Path dir) throws Exception {
        assertRefused(r, why);
        assertEquals(before, snapshot(dir), "nothing written, nothing deleted");
    }

    private static void assertRefused(Run r, String why) {
        List<String> refusals = r.result().weftLines().stream().filter(l -> l.contains("weaving cache not used")).toList();
        assertEquals(1, refusals.size(), r.result().stderr());
        assertTrue(refusals.get(0).contains(why), refusals.get(0));
        assertFalse(COUNTS.matcher(r.result().stderr()).find(), "no hits, no misses: " + r.result().stderr());
        assertTrue(r.byteBuddyLoaded(), "everything woven afresh");
    }

    private static Map<Path, FileTime> snapshot(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.collect(Collectors.toMap(p -> p, p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    @Test
    void randomlyCorruptedEntriesHealInTheSameRun() throws Exception {
        Random random = new Random(13);
        healsAfter(bytes -> {
            byte[] noise = new byte[bytes.length];
            random.nextBytes(noise);
            return noise;
        });
    }

    @Test
    void truncatedEntriesHealInTheSameRun() throws Exception {
        Random random = new Random(17);
        healsAfter(bytes -> Arrays.copyOf(bytes, random.nextInt(bytes.length)));
    }

    /** Damages every entry with {@code damage}; the next run is like a clean one, and the one after hits every entry. */
    private void healsAfter(UnaryOperator<byte[]> damage) throws Exception {
        Path cache = out.resolve("cache");
        Run clean = run(cache);
        List<Path> entries = entries(cache);
        assertEquals(clean.misses(), entries.size(), "one entry per class woven or left alone");
        for (Path e : entries) {
            Files.write(e, damage.apply(Files.readAllBytes(e)));
        }
        Run healing = run(cache);
        healing.assertLike(clean);
        assertEquals(entries.size(), healing.misses(), "every damaged entry is a miss");
        assertEquals(1, healing.result().weftLines().stream().filter(l -> l.contains("discarded a damaged")).count(),
                "said once: " + healing.result().stderr());
        Run healed = run(cache);
        assertEquals(0, healed.misses(), "the entries were repaired: " + healed.result().stderr());
        healed.assertLike(clean);
    }

    /** A cache filled by one clean run, its entries matched to their classes. */
    private record Filled(Path cache, Run clean, CacheEntries entries) { }

    private Filled filled() throws Exception {
        Path cache = out.resolve("cache");
        Run clean = run(cache);
        return new Filled(cache, clean, CacheEntries.of(cache, clean.instrumented()));
    }

    @Test
    void anEntryWithoutTheUsersMacOrForAnotherClassIsNeverLoaded() throws Exception {
        Filled f = filled();
        Path thread = f.entries().fileOf("java/lang/Thread");
        byte[] objectEntry = Files.readAllBytes(f.entries().fileOf("java/lang/Object"));
        // Thread: Object's woven class under a MAC made with another secret
        Files.write(thread, f.entries().forged(objectEntry));
        // CountDownLatch: Object's genuine entry, renamed
        Files.write(f.entries().fileOf("java/util/concurrent/CountDownLatch"), objectEntry);

        Run r = run(f.cache());
        r.assertLike(f.clean());
        assertEquals(2, r.misses(), r.result().stderr());
        assertTrue(r.result().stderr().contains("2 damaged entries discarded"), r.result().stderr());
        assertFalse(r.result().stderr().contains("refused"), "never handed to the JVM: " + r.result().stderr());
        assertTrue(f.entries().genuine("java/lang/Thread", Files.readAllBytes(thread)), "rewoven and stored with a true MAC");
    }

    @Test
    void aCachedClassTheJvmRefusesIsWovenAfreshAndRepaired() throws Exception {
        Filled f = filled();
        byte[] notAClass = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 0x41, 1, 2, 3};
        // signed with the user's own secret: only the JVM can tell it is no class
        Files.write(f.entries().fileOf("java/lang/Thread"), f.entries().signed("java/lang/Thread", notAClass));

        Run r = run(f.cache());
        r.assertLike(f.clean());
        assertTrue(r.result().stderr().contains("refused the cached weaving of java.lang.Thread"), r.result().stderr());
        assertTrue(r.result().stderr().contains("1 refused by the JVM and woven afresh"), r.result().stderr());
        assertEquals(1, r.misses(), "only Thread was woven again");
        Run later = run(f.cache());
        assertEquals(0, later.misses(), "a later start hits the repaired entry: " + later.result().stderr());
        later.assertLike(f.clean());
    }

    @Test
    void pruningKeepsTheCacheUnderItsBound() throws Exception {
        Path cache = Files.createDirectory(out.resolve("cache"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        long eightMb = 8L << 20;
        long day = TimeUnit.DAYS.toMillis(1);
        long now = System.currentTimeMillis();
        // four sets of older builds, 24 MB each (sparse files: no disk used), the oldest first
        for (int set = 1; set <= 4; set++) {
            Path dir = Files.createDirectory(cache.resolve("old-" + set));
            for (int i = 0; i < 3; i++) {
                try (RandomAccessFile f = new RandomAccessFile(dir.resolve(String.format("%064x", i)).toFile(), "rw")) {
                    f.setLength(eightMb);
                }
            }
            Files.setLastModifiedTime(dir, FileTime.fromMillis(now - (10 - set) * day));
        }
        Path notes = Files.writeString(cache.resolve("old-1").resolve("notes.txt"), "not the cache's");

        Run cold = run(cache);
        long total = 0;
        for (Path e : entries(cache)) {
            total += Files.size(e);
        }
        assertTrue(total <= WeavingCache.LIMIT_BYTES, total + " bytes kept, bound " + WeavingCache.LIMIT_BYTES);
        assertFalse(Files.exists(cache.resolve("old-2")), "least recently used sets go first");
        assertTrue(Files.exists(cache.resolve("old-4").resolve(String.format("%064x", 0))), "the most recent old set stays");
        assertTrue(Files.exists(notes), "what is not the cache's is never deleted");
        Run warm = run(cache);
        assertEquals(0, warm.misses(), "the running set is whole");
        warm.assertLike(cold);
    }

    /** Copies a directory tree, keeping the files' times. */
    private static final class CopyTree extends java.nio.file.SimpleFileVisitor<Path> {
        private final Path to;
        private Path from;

        CopyTree(Path to) {
            this.to = to;
        }

        @Override
        public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a)
                throws java.io.IOException {
            if (from == null) {
                from = dir;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a)
                throws java.io.IOException {
            Files.copy(file, to.resolve(from.relativize(file).toString()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            return java.nio.file.FileVisitResult.CONTINUE;
        }
    }
}
