package dev.weft.agent.weave;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the cache under its size bound. Each agent build on each JDK fills its own set (a
 * directory of the root); sets other than the running one go first, least recently used first
 * (a set's directory is touched whenever a JVM opens it), then the running set's oldest entries.
 *
 * <p>It deletes only what the cache writes itself — entries (64 hex digits) and its temporary
 * files — and a set directory only once it is empty, so that a {@code cache=} pointed at a
 * directory with other content never costs the user a file.
 */
final class WeavingCachePruner {

    /** Entries, and the temporary files {@code AtomicFile} writes them through. */
    private static final Pattern OURS = Pattern.compile("\\.?[0-9a-f]{64}(\\.[0-9a-f]+\\.tmp)?");

    private record Entry(Path path, long size, FileTime modified) { }

    private record CacheSet(Path dir, List<Entry> entries, FileTime lastUsed) {
        long size() {
            long s = 0;
            for (Entry e : entries) {
                s += e.size;
            }
            return s;
        }
    }

    private WeavingCachePruner() { }

    /** @return the bytes the cache holds afterwards */
    static long prune(Path root, Path current, long limit) throws IOException {
        List<CacheSet> sets = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                BasicFileAttributes a = WeavingCacheTrust.attributes(dir);
                if (a.isDirectory()) {
                    CacheSet s = read(dir, a.lastModifiedTime());
                    sets.add(s);
                    total += s.size();
                }
            }
        }
        sets.sort(Comparator.comparing(CacheSet::lastUsed));
        for (CacheSet s : sets) {
            if (total <= limit) {
                return total;
            }
            if (!s.dir.equals(current)) {
                total -= delete(s.entries, Long.MAX_VALUE);
                deleteIfEmpty(s.dir);
            }
        }
        for (CacheSet s : sets) {
            if (s.dir.equals(current) && total > limit) {
                List<Entry> oldestFirst = new ArrayList<>(s.entries);
                oldestFirst.sort(Comparator.comparing(Entry::modified));
                total -= delete(oldestFirst, total - limit);
            }
        }
        return total;
    }

    private static CacheSet read(Path dir, FileTime lastUsed) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (OURS.matcher(f.getFileName().toString()).matches()) {
                    BasicFileAttributes a = WeavingCacheTrust.attributes(f);
                    if (!a.isDirectory()) {
                        entries.add(new Entry(f, a.isRegularFile() ? a.size() : 0, a.lastModifiedTime()));
                    }
                }
            }
        }
        return new CacheSet(dir, entries, lastUsed);
    }

    /** Deletes entries in order until {@code atLeast} bytes are gone; returns the bytes freed. */
    private static long delete(List<Entry> entries, long atLeast) {
        long freed = 0;
        for (Entry e : entries) {
            if (freed >= atLeast) {
                break;
            }
            try {
                Files.deleteIfExists(e.path);
                freed += e.size;
            } catch (IOException ignored) {
                // another JVM may be using it; the next prune tries again
            }
        }
        return freed;
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.delete(dir);
        } catch (IOException notEmptyOrGone) {
            // holds files that are not the cache's: left alone
        }
    }
}
