package dev.weft.agent.weave;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The name of a cache entry: a SHA-256 over what shapes the weaving (agent build, JDK, filter), the
 * class name and a fingerprint of the class file the JVM handed to the transformer, read in a form
 * that does not depend on the order of its methods.
 *
 * <p>Why the order: a class loaded before the agent is retransformed from bytes the JVM rebuilds
 * from its own structures. HotSpot keeps a class's methods sorted by the address of their name
 * symbols and writes them back in that order unless it kept the original order (JVMTI's
 * {@code can_maintain_original_method_order}, which the Java agent does not ask for). Symbols
 * created at run time land at other addresses in every JVM, so the same class comes back with its
 * methods shuffled: {@code CompletableFuture} on JDK 21 almost every start, {@code FutureTask} on 25
 * now and then. Every other byte — constant pool, fields, each method's own bytes, attributes — is
 * equal. The order of methods in a class file carries no meaning (the JVM sorts them again), so
 * two inputs that differ only there are the same class, and the woven bytes of one serve the other.
 *
 * <p>Why a fingerprint: SHA-256 runs interpreted this early in a JVM's life (hashing the ~420 KB
 * of JDK classes Weft weaves took 15–40 ms here, JDK 25, 2 cores), and the entry's MAC must already
 * hash the whole woven class. The input is read with CRC-32C and CRC-32 together, two different
 * polynomials and both intrinsics from the JVM's first instruction: 64 bits that, with the class's
 * length and name, for one agent build, JDK and filter, let two different class files collide with
 * a probability of about 2<sup>-64</sup>. Whoever could choose such a colliding input already writes
 * the application's classes.
 */
final class WeavingCacheKey {

    private final byte[] salt;

    /** @param salt everything besides the class that the woven bytes depend on */
    WeavingCacheKey(byte[] salt) {
        this.salt = salt.clone();
    }

    /** The entry's name (64 hex digits). */
    String of(String internalName, byte[] classFile) {
        MessageDigest sha = WeavingCacheSecret.sha256();
        sha.update(salt);
        sha.update(internalName.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(ByteBuffer.allocate(12).putLong(fingerprint(classFile)).putInt(classFile.length).array());
        return HexFormat.of().formatHex(sha.digest());
    }

    /** CRC-32C and CRC-32 of the class file with its methods in a canonical order, or as it is if it is no class file. */
    static long fingerprint(byte[] b) {
        CRC32C high = new CRC32C();
        CRC32 low = new CRC32();
        int[] methods = methodBounds(b);
        if (methods == null) {
            high.update(b, 0, b.length);
            low.update(b, 0, b.length);
            return high.getValue() << 32 | low.getValue();
        }
        int first = methods[0];
        int end = methods[methods.length - 1];
        List<int[]> slices = new ArrayList<>(methods.length - 1);
        for (int i = 0; i + 1 < methods.length; i++) {
            slices.add(new int[] {methods[i], methods[i + 1]});
        }
        slices.sort((x, y) -> Arrays.compareUnsigned(b, x[0], x[1], b, y[0], y[1]));
        byte[] marker = {1};
        high.update(marker, 0, 1);
        low.update(marker, 0, 1);
        high.update(b, 0, first);
        low.update(b, 0, first);
        for (int[] s : slices) {
            high.update(b, s[0], s[1] - s[0]);
            low.update(b, s[0], s[1] - s[0]);
        }
        high.update(b, end, b.length - end);
        low.update(b, end, b.length - end);
        return high.getValue() << 32 | low.getValue();
    }

    /**
     * The offsets where each method_info starts, followed by the offset where the last one ends
     * (JVMS §4.1); null if {@code b} is not a class file.
     */
    static int[] methodBounds(byte[] b) {
        try {
            return walk(new Reader(b));
        } catch (IndexOutOfBoundsException | IllegalArgumentException notAClassFile) {
            return null;
        }
    }

    /** Bytes each constant pool entry takes after its tag (JVMS §4.4), by tag; 0 for no such tag, and for Utf8. */
    private static final byte[] CONSTANT_SIZE = constantSizes();

    private static byte[] constantSizes() {
        byte[] size = new byte[21];
        for (int tag : new int[] {3, 4, 9, 10, 11, 12, 17, 18}) {
            size[tag] = 4;
        }
        size[5] = 8; // Long and Double also take two slots
        size[6] = 8;
        for (int tag : new int[] {7, 8, 16, 19, 20}) {
            size[tag] = 2;
        }
        size[15] = 3;
        return size;
    }

    private static int[] walk(Reader r) {
        if (r.u4() != 0xCAFEBABE) {
            return null;
        }
        r.skip(4); // minor, major
        r.pos = skipConstantPool(r.b, r.u2(), r.pos);
        if (r.pos > r.b.length) {
            return null;
        }
        r.skip(6); // access, this, super
        r.skip(2 * r.u2()); // interfaces
        skipMembers(r, r.u2()); // fields
        int methodCount = r.u2();
        int[] bounds = new int[methodCount + 1];
        for (int m = 0; m < methodCount; m++) {
            bounds[m] = r.pos;
            skipMembers(r, 1);
        }
        bounds[methodCount] = r.pos;
        skipAttributes(r); // the class's own attributes: they must end exactly at the end of the file
        return r.atEnd() ? bounds : null;
    }

    /**
     * The position after the constant pool's {@code count - 1} entries starting at {@code p}. Thousands
     * of entries per class, run by the interpreter this early in the JVM's life: one tight loop, no
     * calls (it took most of the key's time as calls per entry). A bad tag or a short array throws.
     */
    private static int skipConstantPool(byte[] b, int count, int p) {
        for (int i = 1; i < count; i++) {
            int tag = b[p];
            if (tag == 1) {
                p += 3 + ((b[p + 1] & 0xFF) << 8 | b[p + 2] & 0xFF);
            } else {
                int size = CONSTANT_SIZE[tag];
                if (size == 0) {
                    throw new IllegalArgumentException("constant pool tag " + tag);
                }
                p += 1 + size;
                if (tag == 5 || tag == 6) {
                    i++;
                }
            }
        }
        return p;
    }

    private static void skipMembers(Reader r, int count) {
        for (int i = 0; i < count; i++) {
            r.skip(6); // access, name, descriptor
            skipAttributes(r);
        }
    }

    private static void skipAttributes(Reader r) {
        int count = r.u2();
        for (int i = 0; i < count; i++) {
            r.skip(2);
            r.skip(r.u4());
        }
    }

    private static final class Reader {
        private final byte[] b;
        int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        int u1() {
            return b[pos++] & 0xFF;
        }

        int u2() {
            return (u1() << 8) | u1();
        }

        int u4() {
            return (u2() << 16) | u2();
        }

        boolean atEnd() {
            return pos == b.length;
        }

        void skip(int n) {
            if (n < 0 || pos + n > b.length) {
                throw new IndexOutOfBoundsException("class file ends early");
            }
            pos += n;
        }
    }
}
