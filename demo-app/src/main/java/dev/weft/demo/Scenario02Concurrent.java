package dev.weft.demo;

import static dev.weft.demo.Workloads.heavyWorkload;

/**
 * Scenario 2: concurrent. The tutorial starts each workload with {@code go} and waits for all of them
 * with a {@code sync.WaitGroup}:
 *
 * <pre>{@code
 * var wg sync.WaitGroup
 * for i := 0; i < 3; i++ {
 *     wg.Add(1)
 *     go func() { defer wg.Done(); heavyWorkload() }()
 * }
 * wg.Wait()
 * }</pre>
 *
 * <p>Here each workload runs on its own platform thread, {@code worker-1..N}; {@code main} counts them
 * in with {@link WaitGroup#add}, and each counts itself out with {@link WaitGroup#done} in a
 * {@code finally}, Java's {@code defer}. The workloads overlap, so the wall time is about one workload,
 * not N of them.
 *
 * <p><b>Timeline:</b> N worker lanes whose {@code heavyWorkload} spans lie side by side, and the
 * {@code main} lane waiting in {@code WaitGroup.await} for the same stretch: that wait is where
 * {@code main} spends the scenario, and it ends when the last worker finishes.
 *
 * <p><b>Run:</b> {@code java -javaagent:agent/target/agent.jar -jar demo-app/target/demo-app.jar --scenario=2}
 */
public final class Scenario02Concurrent {

    static final String STORY = "N background threads run heavyWorkload; main awaits them with a WaitGroup";

    private Scenario02Concurrent() {
    }

    static String title(Options options) {
        return "concurrent — " + Workloads.counted(options.tasks())
                + " on background threads, awaited with a WaitGroup";
    }

    static String expectation(Options options) {
        return "about one workload, %d ms".formatted(options.millis());
    }

    @Scenario("2 concurrent")
    public static void run(Options options) throws InterruptedException {
        var wg = new WaitGroup();
        for (int i = 1; i <= options.tasks(); i++) {
            wg.add(1); // before the start, never inside the task: await must not see a count that is still rising
            new Thread(() -> {
                try {
                    heavyWorkload(options.millis(), options.work(), true);
                } finally {
                    wg.done();
                }
            }, "worker-" + i).start();
        }
        System.out.println("main started worker-1..worker-" + options.tasks() + " and waits: wg.await()");
        wg.await();
        System.out.println("main: wg.await() returned, " + Workloads.counted(options.tasks()) + " done");
    }
}
