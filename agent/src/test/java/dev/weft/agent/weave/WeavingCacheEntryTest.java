package dev.weft.agent.weave;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeavingCacheEntryTest {

    private static final String KEY = "ab".repeat(32);
    private final byte[] secretBytes = new byte[WeavingCacheSecret.LENGTH];
    private final WeavingCacheSecret secret;

    WeavingCacheEntryTest() {
        new Random(7).nextBytes(secretBytes);
        secret = new WeavingCacheSecret(secretBytes);
    }

    @Test
    void theMacIsRfc2104HmacSha256() throws Exception {
        Mac jce = Mac.getInstance("HmacSHA256");
        jce.init(new SecretKeySpec(secretBytes, "HmacSHA256"));
        for (int size : new int[] {0, 1, 63, 64, 65, 1000}) {
            byte[] message = new byte[size];
            new Random(size).nextBytes(message);
            MessageDigest ours = secret.begin();
            ours.update(message);
            assertArrayEquals(jce.doFinal(message), secret.finish(ours), "message of " + size + " bytes");
        }
    }

    @Test
    void anEntryIsAcceptedOnlyForItsKeyAndClassUnderItsSecret() {
        byte[] woven = {(byte) 0xCA, (byte) 0xFE, 1, 2, 3};
        byte[] entry = WeavingCacheEntry.encode(secret, KEY, "java/lang/Thread", woven);
        assertArrayEquals(woven, WeavingCacheEntry.verify(secret, KEY, "java/lang/Thread", entry).woven());

        assertNull(WeavingCacheEntry.verify(secret, "cd".repeat(32), "java/lang/Thread", entry), "renamed");
        assertNull(WeavingCacheEntry.verify(secret, KEY, "java/lang/Object", entry), "another class");
        byte[] otherSecret = secretBytes.clone();
        otherSecret[0] ^= 1;
        assertNull(WeavingCacheEntry.verify(new WeavingCacheSecret(otherSecret), KEY, "java/lang/Thread", entry),
                "made without the user's secret");
    }

    @Test
    void everyFlippedBitAndEveryTruncationIsRefused() {
        byte[] entry = WeavingCacheEntry.encode(secret, KEY, "x/Y", new byte[] {1, 2, 3, 4, 5, 6});
        for (int i = 0; i < entry.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = entry.clone();
                damaged[i] ^= (byte) (1 << bit);
                assertNull(WeavingCacheEntry.verify(secret, KEY, "x/Y", damaged), "byte " + i + " bit " + bit);
            }
        }
        for (int length = 0; length < entry.length; length++) {
            assertNull(WeavingCacheEntry.verify(secret, KEY, "x/Y", Arrays.copyOf(entry, length)), "cut to " + length);
        }
        assertNull(WeavingCacheEntry.verify(secret, KEY, "x/Y", Arrays.copyOf(entry, entry.length + 1)), "grown");
    }

    @Test
    void unchangedCarriesNoBytes() {
        byte[] entry = WeavingCacheEntry.encode(secret, KEY, "x/Y", null);
        WeavingCacheEntry.Content c = WeavingCacheEntry.verify(secret, KEY, "x/Y", entry);
        assertNotNull(c);
        assertTrue(c.unchanged());
        assertNull(c.woven());
    }
}
