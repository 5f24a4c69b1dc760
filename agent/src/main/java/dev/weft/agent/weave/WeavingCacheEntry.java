package dev.weft.agent.weave;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One entry on disk: {@code "WEFT"}, a format byte, a kind byte (woven or unchanged), the MAC, the
 * woven class. The MAC covers the entry's key and class name as well as its content, so an entry
 * is only ever accepted for the class and the input it was made for: a valid entry renamed, or
 * moved to another JDK's set, fails like a damaged one.
 */
final class WeavingCacheEntry {

    private static final byte[] MAGIC = {'W', 'E', 'F', 'T'};
    private static final byte FORMAT = 1;
    static final byte WOVEN = 1;
    static final byte UNCHANGED = 2;
    private static final int MAC_AT = MAGIC.length + 2;
    static final int HEADER = MAC_AT + 32;

    /** What a verified entry holds: woven bytes, or "this class needs no weaving". */
    record Content(byte kind, byte[] woven) {
        boolean unchanged() {
            return kind == UNCHANGED;
        }
    }

    private WeavingCacheEntry() { }

    /** The bytes of the entry for {@code woven} ({@code null}: the class needs no weaving). */
    static byte[] encode(WeavingCacheSecret secret, String key, String className, byte[] woven) {
        byte kind = woven == null ? UNCHANGED : WOVEN;
        byte[] payload = woven == null ? new byte[0] : woven;
        byte[] entry = new byte[HEADER + payload.length];
        System.arraycopy(MAGIC, 0, entry, 0, MAGIC.length);
        entry[MAGIC.length] = FORMAT;
        entry[MAGIC.length + 1] = kind;
        System.arraycopy(payload, 0, entry, HEADER, payload.length);
        byte[] mac = mac(secret, key, className, entry);
        System.arraycopy(mac, 0, entry, MAC_AT, mac.length);
        return entry;
    }

    /** The content of {@code entry} if it is intact and was made by this user for {@code key} and {@code className}, else null. */
    static Content verify(WeavingCacheSecret secret, String key, String className, byte[] entry) {
        if (entry.length < HEADER || !Arrays.equals(entry, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || entry[MAGIC.length] != FORMAT) {
            return null;
        }
        byte kind = entry[MAGIC.length + 1];
        if (kind != WOVEN && kind != UNCHANGED || kind == UNCHANGED && entry.length != HEADER) {
            return null;
        }
        byte[] expected = mac(secret, key, className, entry);
        // constant time: no timing hint for someone forging an entry byte by byte
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(entry, MAC_AT, HEADER))) {
            return null;
        }
        return new Content(kind, kind == WOVEN ? Arrays.copyOfRange(entry, HEADER, entry.length) : null);
    }

    private static byte[] mac(WeavingCacheSecret secret, String key, String className, byte[] entry) {
        MessageDigest m = secret.begin();
        m.update(key.getBytes(StandardCharsets.US_ASCII));
        m.update((byte) 0);
        m.update(className.getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0);
        m.update(entry, 0, MAC_AT); // magic, format, kind
        m.update(entry, HEADER, entry.length - HEADER);
        return secret.finish(m);
    }
}
