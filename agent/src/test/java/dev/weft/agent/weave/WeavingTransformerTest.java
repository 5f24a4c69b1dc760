package dev.weft.agent.weave;

import dev.weft.agent.AgentHealth;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transformer's bookkeeping around Byte Buddy and the cache, with a stand-in for Byte Buddy and for the JVM. */
class WeavingTransformerTest {

    private static final String THREAD = "java/lang/Thread";
    private static final byte[] INPUT = {1, 2, 3};
    private static final byte[] WOVEN = {4, 5, 6};
    /** What the JVM refuses: in a sound entry, as if Byte Buddy had once woven something this JVM rejects. */
    private static final byte[] BAD = {7, 7, 7};

    @TempDir
    Path root;

    private final AgentHealth health = new AgentHealth();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger byteBuddyCalls = new AtomicInteger();

    /** A Byte Buddy that weaves {@link #WOVEN}, or, told to fail, does what its raw transformer does: tells the listener and returns null. */
    private WeavingTransformer transformer(WeavingCache cache, boolean byteBuddyFails) {
        ClassFileTransformer byteBuddy = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader l, String name, Class<?> c, java.security.ProtectionDomain d, byte[] b) {
                byteBuddyCalls.incrementAndGet();
                if (byteBuddyFails) {
                    failed.add(name.replace('/', '.'));
                    health.failed(name.replace('/', '.'), new IllegalStateException("cannot weave"));
                    return null;
                }
                return WOVEN;
            }
        };
        return new WeavingTransformer(Set.of(THREAD), WorkloadFilter.none(), cache, () -> byteBuddy, failed, health, false);
    }

    private WeavingCache cache() {
        WeavingCache cache = WeavingCache.open(root, "build", "", true);
        assertNotNull(cache);
        return cache;
    }

    @Test
    void aFailedWeaveIsNeverCachedAsUnchanged() throws Exception {
        WeavingCache cache = cache();
        assertNull(transformer(cache, true).transform(null, THREAD, null, null, INPUT));
        assertEquals(1, health.transformErrors());
        assertNull(cache.get(cache.key(THREAD, INPUT), THREAD), "nothing stored: the next start tries again");

        WeavingTransformer nextStart = transformer(cache, false);
        assertArrayEquals(WOVEN, nextStart.transform(null, THREAD, null, null, INPUT));
        assertEquals(1, health.instrumentedTypes());
        assertEquals(0, health.transformErrors(), "instrumented in the end");
    }

    @Test
    void aWarmCacheServesWithoutByteBuddy() throws Exception {
        WeavingCache cache = cache();
        transformer(cache, false).transform(null, THREAD, null, null, INPUT);
        byteBuddyCalls.set(0);
        WeavingTransformer warm = transformer(cache, false);
        assertArrayEquals(WOVEN, warm.transform(null, THREAD, null, null, INPUT));
        assertEquals(0, byteBuddyCalls.get());
        assertEquals(1, warm.cacheHits());
    }

    @Test
    void aCachedClassTheJvmRefusesIsEvictedAndWovenAfreshInTheSameRun() throws Exception {
        WeavingCache cache = cache();
        cache.put(cache.key(THREAD, INPUT), THREAD, BAD);
        WeavingTransformer warm = transformer(cache, false);
        List<byte[]> handedToJvm = new ArrayList<>();
        Installer.retransform(jvm(warm, handedToJvm, false), List.of(Thread.class), health, warm, false);
        assertEquals(List.of("BAD", "BAD", "WOVEN"), handedToJvm.stream().map(WeavingTransformerTest::name).toList(),
                "the batch, the class alone, then woven afresh");
        assertEquals(1, byteBuddyCalls.get(), "woven by Byte Buddy, not read from the cache again");
        assertEquals(1, cache.evicted());
        assertEquals(0, health.transformErrors());
        assertEquals(1, health.instrumentedTypes());
        assertArrayEquals(WOVEN, cache.get(cache.key(THREAD, INPUT), THREAD).woven(),
                "the repaired entry is stored for the next start");
    }

    @Test
    void aClassTheJvmRefusesForGoodIsATransformationError() throws Exception {
        WeavingTransformer t = transformer(null, false);
        Installer.retransform(jvm(t, new ArrayList<>(), true), List.of(Thread.class, Object.class), health, t, false);
        assertEquals(1, health.transformErrors(), health.failedTypes());
        assertTrue(health.failedTypes().startsWith("java.lang.Thread (java.lang.ClassFormatError"), health.failedTypes());
        assertEquals(0, health.instrumentedTypes(), "refused is not instrumented");
    }

    private static String name(byte[] b) {
        return Arrays.equals(b, BAD) ? "BAD" : Arrays.equals(b, WOVEN) ? "WOVEN" : Arrays.toString(b);
    }

    /**
     * An Instrumentation whose retransformClasses runs {@code t} on each class, as the JVM does, and
     * refuses the batch if it is given {@link #BAD} for java.lang.Thread (or anything, if {@code refuseAll}).
     */
    private static Instrumentation jvm(WeavingTransformer t, List<byte[]> handedToJvm, boolean refuseAll) {
        return (Instrumentation) Proxy.newProxyInstance(WeavingTransformerTest.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("retransformClasses")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    boolean refuse = false;
                    for (Class<?> c : (Class<?>[]) args[0]) {
                        String name = c.getName().replace('.', '/');
                        byte[] given = t.transform(null, name, c, null, INPUT);
                        if (name.equals(THREAD)) {
                            handedToJvm.add(given);
                            refuse |= refuseAll || Arrays.equals(given, BAD);
                        }
                    }
                    if (refuse) {
                        throw new ClassFormatError("refused on purpose");
                    }
                    return null;
                });
    }
}
