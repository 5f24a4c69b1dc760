package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The weaving cache's entries as an outsider reads them, written here from the format's description
 * (magic "WEFT", format 1, kind, HMAC-SHA256 under the user's secret over key, class name, header
 * and content) with the JDK's own {@code javax.crypto.Mac}: a second implementation to test the
 * agent's against, and the means to plant entries.
 */
final class CacheEntries {

    private static final int MAC_AT = 6;
    private static final int HEADER = MAC_AT + 32;

    private final byte[] secret;
    private final Map<String, Path> byClass = new HashMap<>();

    private CacheEntries(byte[] secret) {
        this.secret = secret;
    }

    /** The entries under {@code root}, each matched to the one of {@code types} (binary names) it was made for. */
    static CacheEntries of(Path root, List<String> types) throws Exception {
        CacheEntries c = new CacheEntries(Files.readAllBytes(root.resolve("secret")));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).toList()) {
                byte[] entry = Files.readAllBytes(f);
                for (String type : types) {
                    String internal = type.replace('.', '/');
                    if (c.verifies(c.secret, f.getFileName().toString(), internal, entry)) {
                        c.byClass.put(internal, f);
                    }
                }
            }
        }
        return c;
    }

    Path fileOf(String internalName) {
        Path p = byClass.get(internalName);
        assertNotNull(p, "no cache entry for " + internalName + " among " + byClass.keySet());
        return p;
    }

    /** Whether {@code entry} is a sound entry for {@code internalName} in that class's file. */
    boolean genuine(String internalName, byte[] entry) throws Exception {
        return verifies(secret, fileOf(internalName).getFileName().toString(), internalName, entry);
    }

    /** {@code content} as a woven entry for {@code internalName}, signed with the user's secret. */
    byte[] signed(String internalName, byte[] content) throws Exception {
        byte[] entry = new byte[HEADER + content.length];
        System.arraycopy(new byte[] {'W', 'E', 'F', 'T', 1, 1}, 0, entry, 0, MAC_AT);
        System.arraycopy(content, 0, entry, HEADER, content.length);
        byte[] mac = mac(secret, fileOf(internalName).getFileName().toString(), internalName, entry);
        System.arraycopy(mac, 0, entry, MAC_AT, mac.length);
        return entry;
    }

    /** {@code entry} with a MAC made under some other secret. */
    byte[] forged(byte[] entry) throws Exception {
        byte[] other = new byte[secret.length];
        new Random(99).nextBytes(other);
        byte[] forged = entry.clone();
        byte[] mac = mac(other, "00".repeat(32), "java/lang/Thread", forged);
        System.arraycopy(mac, 0, forged, MAC_AT, mac.length);
        return forged;
    }

    private boolean verifies(byte[] key, String name, String internalName, byte[] entry) throws Exception {
        return entry.length >= HEADER && MessageDigest.isEqual(mac(key, name, internalName, entry),
                Arrays.copyOfRange(entry, MAC_AT, HEADER));
    }

    private static byte[] mac(byte[] key, String name, String internalName, byte[] entry) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(name.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        mac.update(internalName.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(entry, 0, MAC_AT);
        mac.update(entry, HEADER, entry.length - HEADER);
        return mac.doFinal();
    }
}
