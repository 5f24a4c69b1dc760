package dev.weft.agent.weave;

import dev.weft.agent.AgentHealth;
import dev.weft.agent.Console;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The agent's class file transformer. A class is woven only if it is one of the JDK's wait
 * types or may match the workload filter (names and a byte scan, no parsing); woven bytes come
 * from the {@link WeavingCache} when it has them, and from Byte Buddy — created on first need —
 * when it does not.
 */
public final class WeavingTransformer implements ClassFileTransformer {

    private final Set<String> jdkTargets;
    private final WorkloadFilter workload;
    private final WeavingCache cache;
    private final Supplier<ClassFileTransformer> byteBuddyFactory;
    private final AgentHealth health;
    private final boolean verbose;
    private volatile ClassFileTransformer byteBuddy;
    /** Classes served from the cache, and classes the cache did not have: each counted once, however often retransformed. */
    private final Set<String> cacheHits = ConcurrentHashMap.newKeySet();
    private final Set<String> cacheMisses = ConcurrentHashMap.newKeySet();
    /** Binary names of the types Byte Buddy failed to weave, told by its listener during {@code transform}. */
    private final Set<String> byteBuddyFailed;
    /** The cache key of each class whose bytes last came from the cache, in case the JVM refuses them. */
    private final Map<String, String> servedFromCache = new ConcurrentHashMap<>();
    /** Classes whose cached bytes the JVM refused in this run: woven afresh from now on. */
    private final Set<String> bypassCache = ConcurrentHashMap.newKeySet();
    /** Internal names of the classes woven, to give them back their original code on {@link #uninstall}. */
    private final Set<String> woven = ConcurrentHashMap.newKeySet();

    WeavingTransformer(Set<String> jdkTargets, WorkloadFilter workload, WeavingCache cache,
                       Supplier<ClassFileTransformer> byteBuddyFactory, Set<String> byteBuddyFailed,
                       AgentHealth health, boolean verbose) {
        this.byteBuddyFailed = byteBuddyFailed;
        this.jdkTargets = jdkTargets;
        this.workload = workload;
        this.cache = cache;
        this.byteBuddyFactory = byteBuddyFactory;
        this.health = health;
        this.verbose = verbose;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] bytes) {
        if (internalName == null || bytes == null) {
            return null;
        }
        try {
            if (!jdkTargets.contains(internalName) && !workload.mayMatch(internalName, bytes)) {
                return null;
            }
            String key = cache == null ? null : cache.key(internalName, bytes);
            if (key != null && !bypassCache.contains(internalName)) {
                WeavingCacheEntry.Content cached = cache.get(key, internalName);
                if (cached != null) {
                    cacheHits.add(internalName);
                    if (cached.unchanged()) {
                        return null;
                    }
                    servedFromCache.put(internalName, key);
                    instrumented(internalName);
                    return cached.woven();
                }
            }
            if (cache != null) {
                cacheHits.remove(internalName);
                if (cacheMisses.add(internalName) && verbose) {
                    Console.line("weaving cache miss: " + internalName.replace('/', '.'));
                }
            }
            servedFromCache.remove(internalName);
            String type = internalName.replace('/', '.');
            byte[] woven = byteBuddy().transform(loader, internalName, redefined, domain, bytes);
            if (byteBuddyFailed.remove(type)) {
                // Byte Buddy said why and counted it; its null here means "failed", never "unchanged"
                return null;
            }
            if (key != null) {
                cache.put(key, internalName, woven);
            }
            if (woven != null) {
                instrumented(internalName);
            }
            return woven;
        } catch (Throwable t) {
            health.failed(internalName.replace('/', '.'), t);
            Console.line("could not instrument " + internalName.replace('/', '.') + ": " + t);
            return null;
        }
    }

    private void instrumented(String internalName) {
        woven.add(internalName);
        String type = internalName.replace('/', '.');
        health.instrumented(type);
        if (verbose) {
            Console.line("instrumented " + type);
        }
    }

    /**
     * The JVM refused the class this transformer handed it for {@code c}. If those bytes came from the
     * cache, the entry is evicted and the cache is bypassed for {@code c} in this run, so that a
     * retransformation weaves it afresh with Byte Buddy (and stores the repaired entry).
     *
     * @return whether a second attempt may succeed
     */
    boolean evictRefused(Class<?> c) {
        String internalName = c.getName().replace('.', '/');
        String key = servedFromCache.remove(internalName);
        if (key == null || cache == null) {
            return false;
        }
        cache.evict(key);
        bypassCache.add(internalName);
        return true;
    }

    /** Byte Buddy's transformer, built the first time a class is not in the cache. */
    ClassFileTransformer byteBuddy() {
        ClassFileTransformer b = byteBuddy;
        if (b == null) {
            synchronized (this) {
                b = byteBuddy;
                if (b == null) {
                    b = byteBuddyFactory.get();
                    byteBuddy = b;
                }
            }
        }
        return b;
    }

    /**
     * Removes this transformer and retransforms every class it wove: the JVM then rebuilds each from
     * its original bytes, as if Weft had never been there.
     */
    public void uninstall(Instrumentation inst) {
        inst.removeTransformer(this);
        List<Class<?>> restore = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (!c.isArray() && woven.contains(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
                restore.add(c);
            }
        }
        if (!restore.isEmpty()) {
            try {
                inst.retransformClasses(restore.toArray(new Class<?>[0]));
            } catch (Throwable t) {
                Console.line("could not restore the original code of " + restore.size() + " classes: " + t);
            }
        }
        woven.clear();
    }

    public boolean byteBuddyLoaded() {
        return byteBuddy != null;
    }

    public int cacheHits() {
        return cacheHits.size();
    }

    public int cacheMisses() {
        return cacheMisses.size();
    }

    /** The cache this transformer reads and fills, or null. */
    public WeavingCache cache() {
        return cache;
    }
}
