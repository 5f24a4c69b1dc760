package dev.weft.agent.weave;

import dev.weft.agent.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Woven class bytes kept on disk between runs, so that a JVM started again with the same agent
 * build, JDK and workload filter skips Byte Buddy entirely: Byte Buddy's ~1,100 classes are most
 * of the agent's start-up cost.
 *
 * <p>What it hands out ends up inside {@code java.base}, so it trusts nothing it has not checked:
 * the directories and files must be the user's own and writable by nobody else
 * ({@link WeavingCacheTrust}); every entry carries a MAC under the user's secret
 * ({@link WeavingCacheSecret}) over its key, class name and content ({@link WeavingCacheEntry}); the
 * key covers the exact input ({@link WeavingCacheKey}). An entry that fails a check is a miss: it is
 * deleted, and the class is woven afresh and stored again. Every failure here is a miss, never an
 * error.
 */
public final class WeavingCache {

    /** The most the cache may hold on disk, all agent builds and JDKs together. */
    public static final long LIMIT_BYTES = 64L << 20;
    /** Changes whenever the layout or entry format changes: older sets are then simply pruned. */
    private static final String FORMAT = "weft-weaving-cache-1";

    private final Path root;
    private final Path dir;
    private final WeavingCacheTrust trust;
    private final WeavingCacheSecret secret;
    private final WeavingCacheKey keys;
    private final AtomicInteger discarded = new AtomicInteger();
    private final AtomicInteger evicted = new AtomicInteger();
    private final AtomicLong keyNanos = new AtomicLong();
    private final AtomicLong readNanos = new AtomicLong();
    private final AtomicBoolean wrote = new AtomicBoolean();
    private long openNanos;

    private WeavingCache(Path root, Path dir, WeavingCacheTrust trust, WeavingCacheSecret secret, byte[] salt) {
        this.root = root;
        this.dir = dir;
        this.trust = trust;
        this.secret = secret;
        this.keys = new WeavingCacheKey(salt);
    }

    /**
     * The cache under {@code root} for this agent build, JDK and filter, or {@code null} when it
     * cannot be trusted or used.
     *
     * @param buildId identifies the agent build; null if it is unknown (then there is no cache: it
     *                could never hit and would only grow)
     * @param sayWhy  whether a refusal is said in one line (the user named the directory, or asked
     *                for details)
     */
    public static WeavingCache open(Path root, String buildId, String filter, boolean sayWhy) {
        if (buildId == null) {
            if (sayWhy) {
                Console.line("weaving cache not used: the agent's own jar cannot be identified");
            }
            return null;
        }
        long t0 = System.nanoTime();
        try {
            WeavingCacheTrust trust = WeavingCacheTrust.forCurrentUser(root);
            Path realRoot = trust.privateDirectory(root);
            WeavingCacheSecret secret = WeavingCacheSecret.loadOrCreate(trust, realRoot);
            String jdk = System.getProperty("java.vm.version", "") + '\0' + System.getProperty("java.vm.vendor", "")
                    + '\0' + System.getProperty("java.home", "");
            String set = FORMAT + '\0' + buildId + '\0' + jdk;
            Path dir = trust.privateDirectory(realRoot.resolve(setName(set)));
            // the pruner's "last used": a set still opened by some JVM outlives those no longer opened
            Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis()));
            WeavingCache cache = new WeavingCache(realRoot, dir, trust, secret,
                    (set + '\0' + filter + '\0').getBytes(StandardCharsets.UTF_8));
            cache.openNanos = System.nanoTime() - t0;
            return cache;
        } catch (WeavingCacheTrust.Refused e) {
            if (sayWhy) {
                Console.line("weaving cache not used: " + e.getMessage());
            }
            return null;
        } catch (IOException | RuntimeException e) {
            if (sayWhy) {
                Console.line("weaving cache not used: " + e);
            }
            return null;
        }
    }

    /** "25.0.3_9-LTS-1f2e3d4c5b6a7980": the JDK for people, a digest of the whole set for the agent. */
    private static String setName(String set) {
        MessageDigest sha = WeavingCacheSecret.sha256();
        String digest = HexFormat.of().formatHex(sha.digest(set.getBytes(StandardCharsets.UTF_8)), 0, 8);
        return System.getProperty("java.vm.version", "jdk").replaceAll("[^A-Za-z0-9.-]", "_") + "-" + digest;
    }

    /**
     * The default place: $XDG_CACHE_HOME/weft or ~/.cache/weft; null (no cache) when neither is an
     * absolute path, as for a user without a home directory ("?"), rather than a cache in the
     * application's working directory.
     */
    public static Path defaultRoot() {
        return defaultRoot(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home", ""));
    }

    static Path defaultRoot(String xdgCacheHome, String userHome) {
        // the XDG spec: a relative XDG_CACHE_HOME is invalid and to be ignored
        if (xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()) {
            return Path.of(xdgCacheHome, "weft");
        }
        Path home = Path.of(userHome);
        return home.isAbsolute() ? home.resolve(".cache").resolve("weft") : null;
    }

    /** The key of {@code className} given these input bytes, or null (then there is no cache for it). */
    String key(String className, byte[] bytes) {
        long t0 = System.nanoTime();
        String key = keys.of(className, bytes);
        keyNanos.addAndGet(System.nanoTime() - t0);
        return key;
    }

    /** The verified entry of {@code key}, or null on a miss; an entry that fails verification is deleted. */
    WeavingCacheEntry.Content get(String key, String className) {
        long t0 = System.nanoTime();
        try {
            Path p = dir.resolve(key);
            PosixFileAttributes a;
            try {
                a = WeavingCacheTrust.attributes(p);
            } catch (NoSuchFileException e) {
                return null;
            }
            WeavingCacheEntry.Content c = trust.trustedFile(a)
                    ? WeavingCacheEntry.verify(secret, key, className, Files.readAllBytes(p)) : null;
            if (c == null) {
                discard(p, className);
            }
            return c;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            readNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    private void discard(Path entry, String className) {
        if (discarded.getAndIncrement() == 0) {
            Console.line("weaving cache: discarded a damaged or foreign entry for " + className.replace('/', '.')
                    + "; such classes are woven afresh");
        }
        delete(entry);
    }

    /** Stores the woven bytes of {@code className}; {@code woven == null}: it needs no weaving. */
    void put(String key, String className, byte[] woven) {
        try {
            WeavingCacheTrust.writePrivateFile(dir.resolve(key), WeavingCacheEntry.encode(secret, key, className, woven));
            wrote.set(true);
        } catch (IOException | RuntimeException e) {
            // not stored: the next start weaves it again
        }
    }

    /** Removes an entry the JVM refused, so that neither this run nor a later one uses it again. */
    void evict(String key) {
        evicted.incrementAndGet();
        delete(dir.resolve(key));
    }

    private static void delete(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException ignored) {
            // a leftover entry fails verification again next time
        }
    }

    /** Brings the cache under its bound if this run added to it; a start served from the cache pays nothing. */
    public void pruneIfGrown() {
        if (wrote.compareAndSet(true, false)) {
            try {
                WeavingCachePruner.prune(root, dir, LIMIT_BYTES);
            } catch (IOException | RuntimeException e) {
                // tried again by the next run that writes
            }
        }
    }

    /** Entries that failed verification in this run. */
    public int discarded() {
        return discarded.get();
    }

    /** Entries the JVM refused in this run. */
    public int evicted() {
        return evicted.get();
    }

    /** Time {@link #open} took, in ms. */
    public long openMillis() {
        return openNanos / 1_000_000;
    }

    /** Time spent computing keys (hashing the classes handed over), in ms. */
    public long keyMillis() {
        return keyNanos.get() / 1_000_000;
    }

    /** Time spent reading entries and checking them (owner, mode, MAC), in ms. */
    public long readMillis() {
        return readNanos.get() / 1_000_000;
    }

    Path dir() {
        return dir;
    }
}
