package dev.weft.reports.bench;

import dev.weft.reports.testing.TestThreads;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import jdk.jfr.Recording;

/**
 * Writes a recording of about {@code N} events with the shapes of the agent's (workload and wait spans,
 * wakes, thread starts), on 250 threads a phase, platform then virtual: for the report benchmark's large
 * files, which no real program here makes in reasonable time.
 *
 * <pre>java -cp ... SyntheticRecording OUT.jfr N</pre>
 */
public final class SyntheticRecording {

    private SyntheticRecording() {
    }

    public static void main(String[] args) throws Exception {
        generate(Path.of(args[0]), Long.parseLong(args[1]));
    }

    /** About {@code target} events: phases on main, each with workers that alternate work, waits and wakes. */
    static void generate(Path file, long target) throws Exception {
        int phases = 4;
        int threadsPerPhase = 250;
        // per iteration: a workload span, a wait span and a wake
        int iterations = (int) Math.max(1, target / (phases * threadsPerPhase * 3));
        try (Recording r = new Recording()) {
            for (Class<? extends jdk.jfr.Event> type : List.of(WeftEvents.Workload.class, WeftEvents.Wait.class,
                    WeftEvents.Wake.class, WeftEvents.ThreadStart.class, WeftEvents.ThreadAliveAtExit.class,
                    WeftEvents.AgentStatus.class)) {
                r.enable(type).withThreshold(Duration.ZERO);
            }
            for (String name : List.of("jdk.ThreadStart", "jdk.ThreadEnd", "jdk.VirtualThreadStart",
                    "jdk.VirtualThreadEnd")) {
                r.enable(name).withThreshold(Duration.ZERO);
            }
            r.start();
            WeftEvents.AgentStatus status = new WeftEvents.AgentStatus();
            status.version = "bench";
            status.instrumentedTypes = 40;
            status.commit();
            Thread main = TestThreads.named("main", () -> {
                for (int p = 0; p < phases; p++) {
                    boolean virtual = p >= phases / 2;
                    WeftEvents.workload("bench.Main::phase" + p, () -> phase(threadsPerPhase, iterations,
                            virtual));
                }
            });
            main.start();
            main.join();
            r.stop();
            r.dump(file);
        }
    }

    private static void phase(int threads, int iterations, boolean virtual) throws Exception {
        Object lock = new Object();
        Thread[] workers = new Thread[threads];
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            int index = i;
            Runnable task = () -> {
                try {
                    go.await();
                    for (int k = 0; k < iterations; k++) {
                        WeftEvents.workload("bench.Worker::task", () -> spin(2_000));
                        WeftEvents.await(k % 2 == 0 ? "park" : "latch", k % 2 == 0
                                ? "java.util.concurrent.locks.LockSupport.park"
                                : "java.util.concurrent.CountDownLatch.await", lock, null, () -> spin(1_000));
                        WeftEvents.Wake wake = new WeftEvents.Wake();
                        wake.wokenThread = workers[(index + 1) % workers.length];
                        wake.blockerId = System.identityHashCode(lock);
                        wake.how = "unpark";
                        wake.commit();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            workers[i] = virtual ? Thread.ofVirtual().name("v-", i).unstarted(task)
                    : Thread.ofPlatform().name("worker-", i).unstarted(task);
        }
        for (Thread w : workers) {
            WeftEvents.start(w);
        }
        go.countDown();
        for (Thread w : workers) {
            WeftEvents.await("join", "java.lang.Thread.join", w, w, w::join);
        }
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
