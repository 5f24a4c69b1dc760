package dev.weft.agent.weave;

import dev.weft.agent.AgentHealth;
import dev.weft.agent.Console;
import dev.weft.agent.weave.advice.WorkloadAdvice;
import dev.weft.boot.Recorder;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.isTypeInitializer;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

/** Installs Weft's weaving: the transformer, the retransformation of the JDK's wait types, and Byte Buddy's part. */
public final class Installer {

    /**
     * An application's own Byte Buddy, never woven. Built at run time: the jar's relocation
     * rewrites every "net.bytebuddy" literal to Weft's own relocated package.
     */
    private static final String APPLICATION_BYTE_BUDDY = String.join(".", "net", "bytebuddy", "");

    private Installer() { }

    /**
     * Registers Weft's transformer and retransforms the JDK's wait types (and, when attached to a
     * running JVM, the workload classes already loaded).
     */
    public static WeavingTransformer install(Instrumentation inst, WorkloadFilter workload, AgentHealth health,
                                      boolean verbose, WeavingCache cache) {
        Set<String> internalNames = new HashSet<>();
        List<Class<?>> targets = new ArrayList<>();
        for (String name : WaitTypes.ALL) {
            internalNames.add(name.replace('.', '/'));
            if (WaitTypes.ON_LOAD.contains(name)) {
                continue; // retransformed below if loaded already; else woven when it loads
            }
            try {
                // loaded now, so that all are retransformed in one deterministic pass
                targets.add(Class.forName(name, false, null));
            } catch (ClassNotFoundException e) {
                // not in this JDK: nothing to instrument there
            }
        }
        Set<String> byteBuddyFailed = ConcurrentHashMap.newKeySet();
        WeavingTransformer transformer = new WeavingTransformer(Set.copyOf(internalNames), workload, cache,
                () -> byteBuddy(workload, health, verbose, byteBuddyFailed), byteBuddyFailed, health, verbose);
        if (cache == null) {
            transformer.byteBuddy();
        }
        inst.addTransformer(transformer, true);
        retransform(inst, withLoadedWorkload(inst, workload, targets), health, transformer, verbose);
        if (cache != null) {
            cache.pruneIfGrown();
        }
        return transformer;
    }

    /**
     * Weaves the methods {@code workload} names, and nothing of the JDK: for a JVM where Weft already
     * weaves the JDK's waits and a test adds its own workload (weft-junit's {@code @WeftWorkload}).
     * {@link WeavingTransformer#uninstall} removes it again.
     */
    public static WeavingTransformer installWorkload(Instrumentation inst, WorkloadFilter workload, AgentHealth health) {
        Set<String> byteBuddyFailed = ConcurrentHashMap.newKeySet();
        WeavingTransformer transformer = new WeavingTransformer(Set.of(), workload, null,
                () -> byteBuddy(workload, health, false, byteBuddyFailed), byteBuddyFailed, health, false);
        // built now, not on the first class it weaves: that may be inside what a test times
        transformer.byteBuddy();
        inst.addTransformer(transformer, true);
        List<Class<?>> targets = new ArrayList<>();
        for (Class<?> loaded : withLoadedWorkload(inst, workload, new ArrayList<>())) {
            if (loaded.getClassLoader() != null) {
                targets.add(loaded); // the JDK's own were woven with the waits
            }
        }
        retransform(inst, targets, health, transformer, false);
        return transformer;
    }

    /** {@code targets} and the classes already loaded that the workload filter may name, or that are woven on load. */
    private static List<Class<?>> withLoadedWorkload(Instrumentation inst, WorkloadFilter workload,
                                                      List<Class<?>> targets) {
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            if (!loaded.isArray() && inst.isModifiableClass(loaded) && (loaded.getClassLoader() != null
                    && workload.mayMatchLoaded(loaded) || WaitTypes.ON_LOAD.contains(loaded.getName()))) {
                targets.add(loaded);
            }
        }
        return targets;
    }

    static void retransform(Instrumentation inst, List<Class<?>> classes, AgentHealth health,
                            WeavingTransformer transformer, boolean verbose) {
        if (classes.isEmpty()) {
            return;
        }
        try {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
        } catch (Throwable batch) {
            // one refused class fails the whole batch: retry one by one to keep every class that works
            for (Class<?> c : classes) {
                retransform(inst, c, health, transformer, verbose);
            }
        }
    }

    /**
     * Retransforms one class. If the JVM refuses a class served from the cache, the entry is evicted
     * and the class woven afresh at once, so the run ends instrumented and the next start finds a
     * repaired entry; a class still refused counts as a transformation error.
     */
    private static void retransform(Instrumentation inst, Class<?> c, AgentHealth health,
                                    WeavingTransformer transformer, boolean verbose) {
        try {
            inst.retransformClasses(c);
            return;
        } catch (Throwable refused) {
            if (!transformer.evictRefused(c)) {
                failed(health, c, refused);
                return;
            }
            if (verbose) {
                Console.line("the JVM refused the cached weaving of " + c.getName() + " (" + refused
                        + "); weaving it afresh");
            }
        }
        try {
            inst.retransformClasses(c);
        } catch (Throwable again) {
            failed(health, c, again);
        }
    }

    private static void failed(AgentHealth health, Class<?> c, Throwable why) {
        health.failed(c.getName(), why);
        Console.line("could not instrument " + c.getName() + ": " + why);
    }

    /** Byte Buddy's transformer for everything Weft weaves; built only when the cache cannot serve a class. */
    static ClassFileTransformer byteBuddy(WorkloadFilter workload, AgentHealth health, boolean verbose,
                                          Set<String> failed) {
        // Byte Buddy otherwise reaches for sun.misc.Unsafe and JDK 25 prints warnings (DESIGN §4 trap 8)
        System.setProperty("net.bytebuddy.safe", "true");
        Advice.ExceptionHandler handler;
        try {
            handler = countingHandler();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        JdkWaits jdk = new JdkWaits(handler);

        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new ErrorListener(health, failed))
                // The default ignores every bootstrap class: Weft's whole point is the JDK's wait calls (trap 1)
                .ignore(isSynthetic()
                        .or(nameStartsWith(APPLICATION_BYTE_BUDDY))
                        .or(nameStartsWith("dev.weft.agent."))
                        .or(nameStartsWith("dev.weft.boot."))
                        .or(nameStartsWith("dev.weft.reports."))
                        .or(nameStartsWith("dev.weft.shaded."))
                        .or(nameStartsWith("jdk.internal."))
                        .or(nameStartsWith("jdk.jfr."))
                        .or(nameStartsWith("sun.").and(not(namedOneOf(WaitTypes.ON_LOAD.toArray(new String[0]))))));

        AsmVisitorWrapper jdkWeaver = jdk.weaver();
        builder = builder.type(namedOneOf(WaitTypes.ALL.toArray(new String[0])))
                .transform((b, type, loader, module, domain) -> b.visit(jdkWeaver));

        Advice workloadAdvice = JdkWaits.advice(WorkloadAdvice.class, handler);
        for (WorkloadFilter.Entry entry : workload.entries()) {
            builder = builder.type(workloadTypes(entry), entry.className() != null
                            ? ElementMatchers.<ClassLoader>any() : not(isBootstrapClassLoader()))
                    .transform((b, type, loader, module, domain) -> b.visit(workloadAdvice.on(workloadMethods(entry))));
        }
        return builder.makeRaw();
    }

    /** Advice swallows every Throwable it raises and hands it to {@link Recorder#suppressed}, which counts it. */
    static Advice.ExceptionHandler countingHandler() throws NoSuchMethodException {
        return new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(
                new MethodDescription.ForLoadedMethod(Recorder.class.getMethod("suppressed", Throwable.class))));
    }

    static ElementMatcher.Junction<TypeDescription> workloadTypes(WorkloadFilter.Entry e) {
        if (e.isAnnotation()) {
            return isAnnotatedWith(named(e.annotation()))
                    .or(ElementMatchers.declaresMethod(isAnnotatedWith(named(e.annotation()))));
        }
        if (e.anyClass()) {
            return not(nameStartsWith("java.")).and(not(nameStartsWith("javax."))).and(not(nameStartsWith("jdk.")))
                    .and(ElementMatchers.declaresMethod(methodNamed(e.methodName())));
        }
        return named(e.className());
    }

    static ElementMatcher.Junction<MethodDescription> workloadMethods(WorkloadFilter.Entry e) {
        ElementMatcher.Junction<MethodDescription> concrete = not(isAbstract()).and(not(isNative()));
        if (e.isAnnotation()) {
            return concrete.and(isMethod().or(isConstructor())).and(isAnnotatedWith(named(e.annotation()))
                    .or(isDeclaredBy(isAnnotatedWith(named(e.annotation()))).and(isMethod())));
        }
        if (e.methodName() == null) {
            return concrete.and(isMethod()).and(not(isSynthetic()));
        }
        ElementMatcher.Junction<MethodDescription> m = concrete.and(methodNamed(e.methodName()));
        return e.className() == null ? m : m.and(isDeclaredBy(named(e.className())));
    }

    private static ElementMatcher.Junction<MethodDescription> methodNamed(String name) {
        return switch (name) {
            case "<clinit>" -> isTypeInitializer();
            case "<init>" -> isConstructor();
            default -> isMethod().and(named(name));
        };
    }

    /**
     * Reports what Byte Buddy could not weave, one line each, and tells the transformer: Byte Buddy's
     * raw transformer returns null after an error just as for a class it leaves alone, and a failure
     * must never be cached as "unchanged".
     */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        private final AgentHealth health;
        private final Set<String> failed;

        ErrorListener(AgentHealth health, Set<String> failed) {
            this.health = health;
            this.failed = failed;
        }

        @Override
        public void onError(String typeName, ClassLoader loader, net.bytebuddy.utility.JavaModule module,
                            boolean loaded, Throwable error) {
            failed.add(typeName);
            health.failed(typeName, error);
            Console.line("could not instrument " + typeName + ": " + error);
        }
    }
}
