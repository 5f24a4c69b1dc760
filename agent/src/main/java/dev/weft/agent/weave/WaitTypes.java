package dev.weft.agent.weave;

import dev.weft.boot.Kinds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDK types Weft weaves, by name only: known without loading Byte Buddy, so that a start-up
 * served from the {@link WeavingCache} never loads it.
 */
public final class WaitTypes {

    static final String LOCKS = "java.util.concurrent.locks.";
    static final String CONCURRENT = "java.util.concurrent.";

    /** Blocking APIs armed by the generic API advice, with the kind their waits have. */
    static final Map<String, String> API_KINDS = apiKinds();

    static final String NIO = "sun.nio.ch.";
    static final String SOCKET = NIO + "NioSocketImpl";
    static final String SOCKET_CHANNEL = NIO + "SocketChannelImpl";
    static final String SERVER_CHANNEL = NIO + "ServerSocketChannelImpl";
    static final String SELECTOR = NIO + "SelectorImpl";
    static final String PROCESS = "java.lang.ProcessImpl";
    static final String PROCESS_HANDLE = "java.lang.ProcessHandleImpl";
    static final String HTTP_DISPATCHER = "sun.net.httpserver.ServerImpl$Dispatcher";

    /**
     * Types woven when they load, retransformed at start only if already loaded: a program that never
     * opens a socket or a process does not load them for Weft.
     */
    static final List<String> ON_LOAD = List.of(SOCKET, SOCKET_CHANNEL, SERVER_CHANNEL, SELECTOR, PROCESS,
            PROCESS_HANDLE, HTTP_DISPATCHER);

    /** Every JDK type woven, in a stable order. */
    static final List<String> ALL = all();

    private WaitTypes() { }

    private static Map<String, String> apiKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put(CONCURRENT + "CyclicBarrier", Kinds.BARRIER);
        kinds.put(CONCURRENT + "Phaser", Kinds.PHASER);
        kinds.put(CONCURRENT + "Semaphore", Kinds.SEMAPHORE);
        kinds.put(LOCKS + "AbstractQueuedSynchronizer$ConditionObject", Kinds.CONDITION);
        kinds.put(LOCKS + "AbstractQueuedLongSynchronizer$ConditionObject", Kinds.CONDITION);
        for (String lock : new String[] {"ReentrantLock", "ReentrantReadWriteLock$ReadLock",
                "ReentrantReadWriteLock$WriteLock"}) {
            kinds.put(LOCKS + lock, Kinds.LOCK);
        }
        for (String executor : new String[] {"ThreadPoolExecutor", "ForkJoinPool", "ThreadPerTaskExecutor",
                "AbstractExecutorService", "ExecutorService"}) {
            kinds.put(CONCURRENT + executor, Kinds.EXECUTOR);
        }
        for (String queue : new String[] {"ArrayBlockingQueue", "LinkedBlockingQueue", "LinkedBlockingDeque",
                "PriorityBlockingQueue", "DelayQueue", "SynchronousQueue", "LinkedTransferQueue"}) {
            kinds.put(CONCURRENT + queue, Kinds.QUEUE);
        }
        return kinds;
    }

    private static List<String> all() {
        List<String> names = new java.util.ArrayList<>(List.of("java.lang.Thread", "java.lang.VirtualThread",
                "java.lang.Object", "java.lang.Shutdown", LOCKS + "LockSupport", CONCURRENT + "CountDownLatch",
                CONCURRENT + "FutureTask", CONCURRENT + "CompletableFuture"));
        names.addAll(API_KINDS.keySet());
        names.addAll(ON_LOAD);
        return List.copyOf(names);
    }
}
