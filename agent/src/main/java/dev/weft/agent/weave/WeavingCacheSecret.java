package dev.weft.agent.weave;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The current user's secret for the weaving cache, kept in a {@code 0600} file in the cache's
 * root, and the HMAC-SHA256 (RFC 2104) it keys: without the secret nobody can make an entry the
 * agent accepts, whatever they manage to put on disk.
 *
 * <p>HMAC is built here on {@link MessageDigest} rather than taken from {@code javax.crypto.Mac}:
 * the first {@code Mac.getInstance} initialises the JCE's policy machinery, 60–170 ms of a start
 * that a warm cache otherwise finishes in a fraction of that (measured on this project's 2-core
 * machine, JDK 21 and 25). The construction is the RFC's and is checked against
 * {@code javax.crypto.Mac} by the tests.
 */
final class WeavingCacheSecret {

    static final String FILE_NAME = "secret";
    static final int LENGTH = 32;
    private static final int BLOCK = 64; // SHA-256's block size, the HMAC pad length

    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];

    WeavingCacheSecret(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("secret of " + key.length + " bytes");
        }
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
    }

    /**
     * The secret in {@code root}, made on first use. Refused if the file is not the current user's
     * own or others may read it; replaced if it is damaged (every entry then misses once and is
     * woven again).
     */
    static WeavingCacheSecret loadOrCreate(WeavingCacheTrust trust, Path root) throws WeavingCacheTrust.Refused {
        Path file = root.resolve(FILE_NAME);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                PosixFileAttributes a;
                try {
                    a = WeavingCacheTrust.attributes(file);
                } catch (NoSuchFileException e) {
                    // two JVMs starting at once may each write one: the one that stays wins, and what
                    // the other wrote under its own misses once
                    WeavingCacheTrust.writePrivateFile(file, fresh());
                    continue;
                }
                if (!trust.trustedFile(a) || !WeavingCacheTrust.ownerOnly(a)) {
                    String why = a.isRegularFile() ? trust.untrusted(a) : "is not a regular file";
                    throw new WeavingCacheTrust.Refused(file + " " + (why != null ? why : "may be read by others"));
                }
                byte[] key = Files.readAllBytes(file);
                if (key.length == LENGTH) {
                    return new WeavingCacheSecret(key);
                }
                WeavingCacheTrust.writePrivateFile(file, fresh());
            }
            throw new WeavingCacheTrust.Refused(file + " keeps changing under the agent");
        } catch (IOException | SecurityException e) {
            throw new WeavingCacheTrust.Refused("cannot use the secret " + file + ": " + e);
        }
    }

    private static byte[] fresh() {
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** Starts a MAC: feed the message to the digest returned, then pass it to {@link #finish}. */
    MessageDigest begin() {
        MessageDigest inner = sha256();
        inner.update(innerPad);
        return inner;
    }

    byte[] finish(MessageDigest inner) {
        byte[] innerHash = inner.digest();
        MessageDigest outer = sha256();
        outer.update(outerPad);
        outer.update(innerHash);
        return outer.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
