package dev.weft.agent.weave;

import dev.weft.agent.weave.advice.ApiWaitAdvice;
import dev.weft.agent.weave.advice.ChannelIoAdvice;
import dev.weft.agent.weave.advice.ConnectAdvice;
import dev.weft.agent.weave.advice.DispatchLoopAdvice;
import dev.weft.agent.weave.advice.IdleAdvice;
import dev.weft.agent.weave.advice.IoBeginAdvice;
import dev.weft.agent.weave.advice.ProcessExitAdvice;
import dev.weft.agent.weave.advice.ProcessWaitAdvice;
import dev.weft.agent.weave.advice.SelectAdvice;
import dev.weft.agent.weave.advice.SocketIoAdvice;
import dev.weft.agent.weave.advice.VirtualBlockAdvice;
import dev.weft.agent.weave.advice.FutureGetAdvice;
import dev.weft.agent.weave.advice.JoinAdvice;
import dev.weft.agent.weave.advice.LatchAwaitAdvice;
import dev.weft.agent.weave.advice.MonitorWaitAdvice;
import dev.weft.agent.weave.advice.ParkAdvice;
import dev.weft.agent.weave.advice.ParkBlockerAdvice;
import dev.weft.agent.weave.advice.ShutdownAdvice;
import dev.weft.agent.weave.advice.SleepAdvice;
import dev.weft.agent.weave.advice.ThreadStartAdvice;
import dev.weft.agent.weave.advice.UnparkAdvice;
import dev.weft.agent.weave.advice.WaitKind;
import dev.weft.boot.Kinds;
import dev.weft.boot.Waits;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * What Weft weaves into the JDK: for each type, the methods and the advice. Every advice class
 * is parsed once, and one visitor wrapper serves every type, so start-up does the work once.
 */
public final class JdkWaits {

    private static final String LOCKS = WaitTypes.LOCKS;
    private static final String CONCURRENT = WaitTypes.CONCURRENT;

    /** The methods of each blocking API (see {@link WaitTypes#API_KINDS}) that may block. */
    private static ElementMatcher<MethodDescription> apiMethods(String kind, String type) {
        return switch (kind) {
            case Kinds.BARRIER -> named("await");
            case Kinds.PHASER -> named("arriveAndAwaitAdvance").or(nameStartsWith("awaitAdvance"));
            case Kinds.SEMAPHORE -> nameStartsWith("acquire").or(named("tryAcquire").and(timed()));
            case Kinds.CONDITION -> nameStartsWith("await");
            case Kinds.LOCK -> named("lock").or(named("lockInterruptibly")).or(named("tryLock").and(timed()));
            case Kinds.EXECUTOR -> named("awaitTermination").or(named("close")).or(named("invokeAll"))
                    .or(named("invokeAny"));
            case Kinds.QUEUE -> named("take").or(named("put")).or(named("takeFirst")).or(named("takeLast"))
                    .or(named("putFirst")).or(named("putLast")).or(named("transfer"))
                    .or(named("poll").or(named("offer")).or(named("pollFirst")).or(named("pollLast"))
                            .or(named("offerFirst")).or(named("offerLast")).or(named("tryTransfer")).and(timed()));
            default -> throw new IllegalArgumentException(kind + " for " + type);
        };
    }

    private final AsmVisitorWrapper.ForDeclaredMethods weaver;

    JdkWaits(Advice.ExceptionHandler handler) {
        AsmVisitorWrapper.ForDeclaredMethods w = new AsmVisitorWrapper.ForDeclaredMethods();
        Advice sleep = advice(SleepAdvice.class, handler);
        Advice join = advice(JoinAdvice.class, handler);
        Advice start = advice(ThreadStartAdvice.class, handler);
        w = add(w, "java.lang.Thread", named("sleep").and(isPublic()), sleep);
        w = add(w, "java.lang.Thread", named("join"), join);
        w = add(w, "java.lang.Thread", named("start"), start);
        // only start: everything else in VirtualThread runs inside park itself (trap 5)
        w = add(w, "java.lang.VirtualThread", named("start").and(takesArguments(1)), start);
        w = add(w, "java.lang.Object", named("wait").and(not(isNative())), advice(MonitorWaitAdvice.class, handler));
        w = add(w, LOCKS + "LockSupport", nameStartsWith("park").and(takesArgument(0, Object.class)),
                advice(ParkBlockerAdvice.class, handler));
        w = add(w, LOCKS + "LockSupport", nameStartsWith("park").and(not(takesArgument(0, Object.class))),
                advice(ParkAdvice.class, handler));
        w = add(w, LOCKS + "LockSupport", named("unpark"), advice(UnparkAdvice.class, handler));
        w = add(w, CONCURRENT + "CountDownLatch", named("await"), advice(LatchAwaitAdvice.class, handler));
        Advice future = advice(FutureGetAdvice.class, handler);
        w = add(w, CONCURRENT + "FutureTask", named("get"), future);
        w = add(w, CONCURRENT + "CompletableFuture", named("get").or(named("join")), future);
        w = add(w, "java.lang.Shutdown", named("exit").or(named("shutdown")), advice(ShutdownAdvice.class, handler));
        w = addIo(w, handler);
        Advice idle = advice(IdleAdvice.class, handler);
        w = add(w, CONCURRENT + "ThreadPoolExecutor", named("getTask"), idle);
        w = add(w, CONCURRENT + "ForkJoinPool", named("awaitWork"), idle);
        w = add(w, WaitTypes.PROCESS, named("waitFor"), advice(ProcessWaitAdvice.class, handler));
        Advice onExit = advice(ProcessExitAdvice.class, handler);
        w = add(w, WaitTypes.PROCESS, named("onExit"), onExit);
        w = add(w, WaitTypes.PROCESS_HANDLE, named("onExit"), onExit);
        w = add(w, WaitTypes.HTTP_DISPATCHER, named("run"), advice(DispatchLoopAdvice.class, handler));
        // JDK 24+: a virtual thread blocked on monitor entry unmounts; only where those states exist (not 21)
        w = add(w, "java.lang.VirtualThread", named("afterYield").and(declaringTypeHasField("BLOCKING"))
                .and(declaringTypeHasField("BLOCKED")).and(declaringTypeHasField("UNBLOCKED")),
                advice(VirtualBlockAdvice.class, handler));
        w = add(w, "java.lang.VirtualThread", named("unblock").and(takesArguments(0))
                .and(declaringTypeHasField("BLOCKING")), advice(VirtualBlockAdvice.Unblock.class, handler));
        Advice api = Advice.withCustomMapping().bind(new KindBinding()).to(ApiWaitAdvice.class)
                .withExceptionHandler(handler);
        for (Map.Entry<String, String> e : WaitTypes.API_KINDS.entrySet()) {
            w = add(w, e.getKey(), apiMethods(e.getValue(), e.getKey()), api);
        }
        this.weaver = w;
    }

    /** Sockets, channels and selectors: the waits a platform thread spends in native code, and a virtual thread parked on the poller. */
    private AsmVisitorWrapper.ForDeclaredMethods addIo(AsmVisitorWrapper.ForDeclaredMethods w,
                                                       Advice.ExceptionHandler handler) {
        Advice begin = advice(IoBeginAdvice.class, handler);
        Advice connect = advice(ConnectAdvice.class, handler);
        w = add(w, WaitTypes.SOCKET, named("read").or(named("write")).and(takesArguments(3)),
                advice(SocketIoAdvice.class, handler));
        w = add(w, WaitTypes.SOCKET, named("accept"), begin);
        w = add(w, WaitTypes.SOCKET, named("connect").and(takesArgument(0, java.net.SocketAddress.class)), connect);
        w = add(w, WaitTypes.SOCKET_CHANNEL, named("read").or(named("write")).or(named("blockingRead"))
                .or(named("blockingWriteFully")), advice(ChannelIoAdvice.class, handler));
        w = add(w, WaitTypes.SOCKET_CHANNEL, named("connect").and(takesArgument(0, java.net.SocketAddress.class)),
                connect);
        w = add(w, WaitTypes.SERVER_CHANNEL, named("accept").and(takesArguments(0)), begin);
        return add(w, WaitTypes.SELECTOR, named("lockAndDoSelect"), advice(SelectAdvice.class, handler));
    }

    private static ElementMatcher.Junction<MethodDescription> declaringTypeHasField(String field) {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(MethodDescription m) {
                return !m.getDeclaringType().asErasure().getDeclaredFields().filter(named(field)).isEmpty();
            }
        };
    }

    private AsmVisitorWrapper.ForDeclaredMethods add(AsmVisitorWrapper.ForDeclaredMethods w, String type,
                                                     ElementMatcher.Junction<MethodDescription> methods, Advice advice) {
        return w.method(isMethod().and(not(isAbstract())).and(methods).and(declaredBy(type)), advice);
    }

    private AsmVisitorWrapper.ForDeclaredMethods add(AsmVisitorWrapper.ForDeclaredMethods w, String type,
                                                     ElementMatcher<MethodDescription> methods, Advice advice) {
        return add(w, type, new ElementMatcher.Junction.Conjunction<>(methods), advice);
    }

    private static ElementMatcher.Junction<MethodDescription> declaredBy(String type) {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(MethodDescription m) {
                return m.getDeclaringType().asErasure().getName().equals(type);
            }
        };
    }

    static Advice advice(Class<?> adviceClass, Advice.ExceptionHandler handler) {
        return Advice.to(adviceClass).withExceptionHandler(handler);
    }

    AsmVisitorWrapper weaver() {
        return weaver;
    }

    static ElementMatcher.Junction<MethodDescription> timed() {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(MethodDescription m) {
                return Waits.isTimed(m.getDescriptor());
            }
        };
    }

    /** Binds {@link WaitKind} to the kind of the type being woven: one advice class for every blocking API. */
    private static final class KindBinding implements Advice.OffsetMapping.Factory<WaitKind> {
        @Override
        public Class<WaitKind> getAnnotationType() {
            return WaitKind.class;
        }

        @Override
        public Advice.OffsetMapping make(ParameterDescription.InDefinedShape target,
                                         AnnotationDescription.Loadable<WaitKind> annotation, AdviceType adviceType) {
            return (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) ->
                    Advice.OffsetMapping.Target.ForStackManipulation.of(
                            WaitTypes.API_KINDS.getOrDefault(instrumentedMethod.getDeclaringType().asErasure().getName(), "wait"));
        }
    }
}
