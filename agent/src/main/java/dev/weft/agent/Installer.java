package dev.weft.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.isTypeInitializer;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.agent.advice.JoinAdvice;
import dev.weft.agent.advice.LatchAwaitAdvice;
import dev.weft.agent.advice.MonitorWaitAdvice;
import dev.weft.agent.advice.ParkAdvice;
import dev.weft.agent.advice.ParkBlockerAdvice;
import dev.weft.agent.advice.PhaserAwaitAdvice;
import dev.weft.agent.advice.ShutdownAdvice;
import dev.weft.agent.advice.SleepAdvice;
import dev.weft.agent.advice.ThreadStartAdvice;
import dev.weft.agent.advice.WorkloadAdvice;
import dev.weft.boot.Recorder;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/** Builds the Byte Buddy {@link AgentBuilder} that weaves Weft's advice into the JDK and the app. */
final class Installer {

    /**
     * JDK types Weft instruments, loaded before installation so that all are retransformed in one
     * deterministic pass (one loaded concurrently with the installation could otherwise be missed).
     */
    static final String[] JDK_TARGETS = {
        "java.lang.Thread",
        "java.lang.VirtualThread",
        "java.lang.Object",
        "java.lang.Shutdown",
        "java.util.concurrent.locks.LockSupport",
        "java.util.concurrent.CountDownLatch",
        "java.util.concurrent.Phaser",
    };

    private Installer() { }

    static ResettableClassFileTransformer install(Instrumentation inst, WorkloadFilter workload, AgentHealth health,
                                        boolean verbose) throws NoSuchMethodException {
        // Byte Buddy otherwise reaches for sun.misc.Unsafe and JDK 25 prints warnings (DESIGN §4 trap 8)
        System.setProperty("net.bytebuddy.safe", "true");
        for (String target : JDK_TARGETS) {
            try {
                Class.forName(target, false, null);
            } catch (ClassNotFoundException e) {
                // not in this JDK: nothing to instrument there
            }
        }

        AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice()
                .include(Installer.class.getClassLoader())
                .withExceptionHandler(countingHandler());

        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new InstallListener(health, verbose))
                // The default ignores every bootstrap class: Weft's whole point is the JDK's wait calls (trap 1)
                .ignore(isSynthetic()
                        .or(nameStartsWith("net.bytebuddy."))
                        .or(nameStartsWith("dev.weft.agent."))
                        .or(nameStartsWith("dev.weft.boot."))
                        .or(nameStartsWith("dev.weft.reports."))
                        .or(nameStartsWith("dev.weft.shaded."))
                        .or(nameStartsWith("jdk.internal."))
                        .or(nameStartsWith("jdk.jfr."))
                        .or(nameStartsWith("sun.")));

        builder = builder
                .type(named("java.lang.Thread"))
                .transform(advice
                        .advice(isMethod().and(named("sleep")).and(isPublic()), SleepAdvice.class.getName())
                        .advice(isMethod().and(named("join")), JoinAdvice.class.getName())
                        .advice(isMethod().and(named("start")), ThreadStartAdvice.class.getName()))
                // only start: everything else in VirtualThread runs inside park itself (trap 5)
                .type(named("java.lang.VirtualThread"))
                .transform(advice.advice(isMethod().and(named("start")).and(takesArguments(1)),
                        ThreadStartAdvice.class.getName()))
                .type(named("java.lang.Object"))
                .transform(advice.advice(isMethod().and(named("wait")).and(not(isNative())),
                        MonitorWaitAdvice.class.getName()))
                .type(named("java.util.concurrent.locks.LockSupport"))
                .transform(advice
                        .advice(isMethod().and(nameStartsWith("park")).and(takesArgument(0, Object.class)),
                                ParkBlockerAdvice.class.getName())
                        .advice(isMethod().and(nameStartsWith("park")).and(not(takesArgument(0, Object.class))),
                                ParkAdvice.class.getName()))
                .type(named("java.util.concurrent.CountDownLatch"))
                .transform(advice.advice(isMethod().and(named("await")), LatchAwaitAdvice.class.getName()))
                .type(named("java.util.concurrent.Phaser"))
                .transform(advice.advice(isMethod().and(named("arriveAndAwaitAdvance")
                                .or(nameStartsWith("awaitAdvance"))), PhaserAwaitAdvice.class.getName()))
                .type(named("java.lang.Shutdown"))
                .transform(advice.advice(isMethod().and(named("exit").or(named("shutdown"))),
                        ShutdownAdvice.class.getName()));

        for (WorkloadFilter.Entry entry : workload.entries()) {
            builder = builder.type(workloadTypes(entry), entry.className() != null
                            ? ElementMatchers.<ClassLoader>any() : not(isBootstrapClassLoader()))
                    .transform(advice.advice(workloadMethods(entry), WorkloadAdvice.class.getName()));
        }
        return builder.installOn(inst);
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

    /** Counts what was instrumented and reports what could not be, one line each. */
    private static final class InstallListener extends AgentBuilder.Listener.Adapter {
        private final AgentHealth health;
        private final boolean verbose;

        InstallListener(AgentHealth health, boolean verbose) {
            this.health = health;
            this.verbose = verbose;
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, net.bytebuddy.utility.JavaModule module,
                                     boolean loaded, net.bytebuddy.dynamic.DynamicType dynamicType) {
            health.instrumented(type.getName());
            if (verbose) {
                Console.line("instrumented " + type.getName());
            }
        }

        @Override
        public void onError(String typeName, ClassLoader loader, net.bytebuddy.utility.JavaModule module,
                            boolean loaded, Throwable error) {
            health.transformError();
            Console.line("could not instrument " + typeName + ": " + error);
        }
    }
}
