package dev.weft.agent.weave;

import dev.weft.reports.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Woven class bytes kept on disk between runs, so that a JVM started again with the same agent
 * build, JDK and workload filter skips Byte Buddy entirely: Byte Buddy's ~1,100 classes are most
 * of the agent's start-up cost. The key is a SHA-256 over the agent build, the filter, the class
 * name and the exact bytes the JVM handed to the transformer, so a hit can only return what
 * Byte Buddy produced for identical input. Every failure here is a miss, never an error.
 */
public final class WeavingCache {

    private static final byte[] UNCHANGED = new byte[0];

    private final Path dir;
    private final byte[] salt;

    private WeavingCache(Path dir, byte[] salt) {
        this.dir = dir;
        this.salt = salt;
    }

    /**
     * A cache in {@code root}/&lt;JDK build&gt;, or {@code null} when it cannot be used.
     *
     * @param buildId identifies the agent build (the jar's size and modification time)
     */
    public static WeavingCache open(Path root, String buildId, String filter) {
        try {
            String jdk = System.getProperty("java.vm.version", "unknown").replaceAll("[^A-Za-z0-9._+-]", "_");
            Path dir = root.resolve(jdk);
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                return null;
            }
            String salt = buildId + '\0' + System.getProperty("java.vm.vendor", "") + '\0' + filter + '\0';
            return new WeavingCache(dir, salt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The default place: $XDG_CACHE_HOME/weft or ~/.cache/weft. */
    public static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "weft");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "weft");
    }

    String key(String className, byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(className.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** The woven bytes, {@link #UNCHANGED} when the class is known to need no weaving, or null on a miss. */
    byte[] get(String key) {
        if (key == null) {
            return null;
        }
        try {
            return Files.readAllBytes(dir.resolve(key));
        } catch (IOException e) {
            return null;
        }
    }

    static boolean isUnchanged(byte[] cached) {
        return cached.length == 0;
    }

    void put(String key, byte[] woven) {
        if (key == null) {
            return;
        }
        try {
            AtomicFile.write(dir.resolve(key), woven == null ? UNCHANGED : woven);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written is a miss next time, nothing more
        }
    }

    Path dir() {
        return dir;
    }
}
