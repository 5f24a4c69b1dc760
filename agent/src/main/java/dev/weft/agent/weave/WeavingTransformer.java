package dev.weft.agent.weave;

import dev.weft.agent.AgentHealth;
import dev.weft.agent.Console;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger cacheHits = new AtomicInteger();
    private final AtomicInteger cacheMisses = new AtomicInteger();
    /** Internal names of the classes woven, to give them back their original code on {@link #uninstall}. */
    private final Set<String> woven = ConcurrentHashMap.newKeySet();

    WeavingTransformer(Set<String> jdkTargets, WorkloadFilter workload, WeavingCache cache,
                       Supplier<ClassFileTransformer> byteBuddyFactory, AgentHealth health, boolean verbose) {
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
            byte[] cached = cache == null ? null : cache.get(key);
            if (cached != null) {
                cacheHits.incrementAndGet();
                if (WeavingCache.isUnchanged(cached)) {
                    return null;
                }
                instrumented(internalName);
                return cached;
            }
            cacheMisses.incrementAndGet();
            if (verbose && cache != null) {
                Console.line("weaving cache miss: " + internalName.replace('/', '.'));
            }
            byte[] woven = byteBuddy().transform(loader, internalName, redefined, domain, bytes);
            if (cache != null) {
                cache.put(key, woven);
            }
            if (woven != null) {
                instrumented(internalName);
            }
            return woven;
        } catch (Throwable t) {
            health.transformError();
            Console.line("could not instrument " + internalName.replace('/', '.') + ": " + t);
            return null;
        }
    }

    private void instrumented(String internalName) {
        woven.add(internalName);
        health.instrumented(internalName);
        if (verbose) {
            Console.line("instrumented " + internalName.replace('/', '.'));
        }
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
        return cacheHits.get();
    }

    public int cacheMisses() {
        return cacheMisses.get();
    }
}
