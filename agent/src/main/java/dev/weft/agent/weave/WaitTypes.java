package dev.weft.agent.weave;

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

    /** Every JDK type woven, in a stable order. */
    static final List<String> ALL = all();

    private WaitTypes() { }

    private static Map<String, String> apiKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put(CONCURRENT + "CyclicBarrier", "barrier");
        kinds.put(CONCURRENT + "Phaser", "phaser");
        kinds.put(CONCURRENT + "Semaphore", "semaphore");
        kinds.put(LOCKS + "AbstractQueuedSynchronizer$ConditionObject", "condition");
        kinds.put(LOCKS + "AbstractQueuedLongSynchronizer$ConditionObject", "condition");
        for (String lock : new String[] {"ReentrantLock", "ReentrantReadWriteLock$ReadLock",
                "ReentrantReadWriteLock$WriteLock"}) {
            kinds.put(LOCKS + lock, "lock");
        }
        for (String executor : new String[] {"ThreadPoolExecutor", "ForkJoinPool", "ThreadPerTaskExecutor",
                "AbstractExecutorService", "ExecutorService"}) {
            kinds.put(CONCURRENT + executor, "executor");
        }
        for (String queue : new String[] {"ArrayBlockingQueue", "LinkedBlockingQueue", "LinkedBlockingDeque",
                "PriorityBlockingQueue", "DelayQueue", "SynchronousQueue", "LinkedTransferQueue"}) {
            kinds.put(CONCURRENT + queue, "queue");
        }
        return kinds;
    }

    private static List<String> all() {
        List<String> names = new java.util.ArrayList<>(List.of("java.lang.Thread", "java.lang.VirtualThread",
                "java.lang.Object", "java.lang.Shutdown", LOCKS + "LockSupport", CONCURRENT + "CountDownLatch",
                CONCURRENT + "FutureTask", CONCURRENT + "CompletableFuture"));
        names.addAll(API_KINDS.keySet());
        return List.copyOf(names);
    }
}
