package dev.weft.reports.testing;

import static dev.weft.reports.testing.WeftEvents.await;
import static dev.weft.reports.testing.WeftEvents.start;
import static dev.weft.reports.testing.WeftEvents.workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A recording shaped like the demo, made in the test JVM with the test copies of the agent's events:
 * a thread named main runs three phases (sequential, concurrent, virtual), another thread waits on a
 * latch that parks inside, and one thread is still running when the recording ends.
 */
public final class Scenarios {

    public static final String SEQUENTIAL = "dev.weft.demo.Scenario01Sequential::run";
    public static final String CONCURRENT = "dev.weft.demo.Scenario02Concurrent::run";
    public static final String VIRTUAL = "dev.weft.demo.Scenario03Virtual::run";
    public static final int WORKERS = 4;
    public static final long STEP_MILLIS = 100;
    public static final long TASK_MILLIS = 500;
    /** What the demo's agent says it could not instrument, and the first error swallowed in its advice. */
    public static final String FAILED_TYPES = "java.lang.Thread (java.lang.ClassFormatError: truncated class file)";
    public static final String FIRST_SUPPRESSED =
            "java.lang.IllegalStateException: advice failed\n\tat dev.weft.boot.Waits.latch(Waits.java:42)";

    /** What the scenario recorded, with the ids of the threads it made. */
    public record Demo(Path jfr, long mainId, List<Long> workerIds, long virtualId, long mergerId, long forgottenId) {
    }

    private Scenarios() {
    }

    /** Keeps the thread in workload (not waiting) for {@code millis}, whatever the CPU count. */
    public static void spin(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    public static Demo demo(Path file) throws Exception {
        List<Long> workerIds = new ArrayList<>();
        long[] ids = new long[4];
        CountDownLatch forever = new CountDownLatch(1);
        Recordings.record(file, true, () -> {
            WeftEvents.AgentStatus status = new WeftEvents.AgentStatus();
            status.version = "0.0-test";
            status.options = "workload=dev.weft.demo.*";
            status.workloadFilter = "dev.weft.demo.*";
            status.instrumentedTypes = 7;
            status.transformErrors = 1;
            status.failedTypes = FAILED_TYPES;
            status.suppressedErrors = 2;
            status.firstSuppressedError = FIRST_SUPPRESSED;
            status.startupMillis = 42;
            status.commit();

            Thread main = TestThreads.named("main", () -> {
                workload(SEQUENTIAL, () -> {
                    for (int i = 0; i < 3; i++) {
                        workload("dev.weft.demo.Scenario01Sequential::step", () -> spin(STEP_MILLIS));
                    }
                });
                workload(CONCURRENT, () -> {
                    List<Thread> workers = new ArrayList<>();
                    for (int i = 0; i < WORKERS; i++) {
                        Thread w = TestThreads.named("worker-" + i,
                                () -> workload("dev.weft.demo.Scenario02Concurrent::task", () -> spin(TASK_MILLIS)));
                        workers.add(w);
                        synchronized (workerIds) {
                            workerIds.add(w.threadId());
                        }
                        start(w);
                    }
                    for (Thread w : workers) {
                        await("join", "Thread.join", w, w, w::join);
                    }
                });
                workload(VIRTUAL, () -> {
                    Thread v = TestThreads.virtual(
                            () -> workload("dev.weft.demo.Scenario03Virtual::task", () -> Thread.sleep(50)));
                    ids[1] = v.threadId();
                    start(v);
                    await("join", "Thread.join", v, v, v::join);
                });
            });
            ids[0] = main.threadId();
            start(main);
            main.join();

            Object lock = new Object();
            Thread merger = TestThreads.named("merger", () -> {
                // a latch await that parks inside: one span, of kind latch
                await("latch", "CountDownLatch.await", lock, null,
                        () -> LockSupport.parkNanos(lock, TimeUnit.MILLISECONDS.toNanos(40)));
                // a park the agent did not see: kept as a span of kind park
                LockSupport.parkNanos(lock, TimeUnit.MILLISECONDS.toNanos(30));
            });
            ids[2] = merger.threadId();
            start(merger);
            merger.join();

            Thread forgotten = new Thread(() -> {
                try {
                    forever.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "forgotten");
            forgotten.setDaemon(true);
            ids[3] = forgotten.threadId();
            start(forgotten);
            while (forgotten.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
            WeftEvents.ThreadAliveAtExit alive = new WeftEvents.ThreadAliveAtExit();
            alive.thread = forgotten;
            alive.threadId = forgotten.threadId();
            alive.threadName = forgotten.getName();
            alive.virtual = forgotten.isVirtual();
            alive.daemon = forgotten.isDaemon();
            alive.state = forgotten.getState().name();
            alive.activity = "dev.weft.demo.Forgotten.run(Forgotten.java:12)\njava.lang.Thread.run";
            alive.commit();

            WeftEvents.Wake wake = new WeftEvents.Wake();
            wake.wokenThread = forgotten;
            wake.blockerId = 7;
            wake.how = "countDown";
            wake.commit();
        });
        forever.countDown();
        return new Demo(file, ids[0], List.copyOf(workerIds), ids[1], ids[2], ids[3]);
    }
}
