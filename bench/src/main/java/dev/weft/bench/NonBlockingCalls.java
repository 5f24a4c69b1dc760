package dev.weft.bench;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Goal 1: wait calls that cannot block. Under the agent each is instrumented, and its advice must
 * see cheaply that nothing will be waited for and record nothing: the added time is the whole
 * price an application pays for calling it, on every call.
 *
 * <p>{@link JmhPairs} runs each benchmark in forks without and with {@code -javaagent}, interleaved.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NonBlockingCalls {

    private CountDownLatch open;
    private CompletableFuture<Integer> completed;
    private FutureTask<Integer> ran;
    private Thread finished;
    private Semaphore permits;
    private ArrayBlockingQueue<Integer> queue;
    private Phaser advanced;
    private int passedPhase;

    @Setup
    public void setUp() throws InterruptedException {
        open = new CountDownLatch(0);
        completed = CompletableFuture.completedFuture(42);
        ran = new FutureTask<>(() -> 42);
        ran.run();
        finished = new Thread(() -> { });
        finished.start();
        finished.join();
        permits = new Semaphore(1);
        queue = new ArrayBlockingQueue<>(1);
        advanced = new Phaser(1);
        passedPhase = advanced.arrive(); // the phaser is one phase beyond it
    }

    @Benchmark
    public void latchAwaitOpen() throws InterruptedException {
        open.await();
    }

    @Benchmark
    public Integer completedFutureGet() throws InterruptedException, ExecutionException {
        return completed.get();
    }

    @Benchmark
    public Integer completedFutureJoin() {
        return completed.join();
    }

    @Benchmark
    public Integer futureTaskGetDone() throws InterruptedException, ExecutionException {
        return ran.get();
    }

    @Benchmark
    public void threadJoinFinished() throws InterruptedException {
        finished.join();
    }

    /** A free permit: acquire does not wait (release is in the pair because the permit must come back). */
    @Benchmark
    public void semaphoreAcquireFree() throws InterruptedException {
        permits.acquire();
        permits.release();
    }

    /** Room for the element and an element to take: neither blocks. */
    @Benchmark
    public Integer queuePutTake() throws InterruptedException {
        queue.put(7);
        return queue.take();
    }

    /** Awaiting a phase that already ended returns at once. */
    @Benchmark
    public int phaserAwaitPassedPhase() {
        return advanced.awaitAdvance(passedPhase);
    }
}
