package dev.weft.demo;

import static dev.weft.demo.Workloads.heavyWorkload;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 4: virtual threads. Goroutines are cheap enough to start by the ten thousand; so are Java's
 * virtual threads, which the JVM schedules onto a few carrier threads, about one per core.
 *
 * <p>N tasks (10,000 by default) each run {@code heavyWorkload} on a virtual thread of their own, from
 * {@link Executors#newVirtualThreadPerTaskExecutor()}; {@code main} awaits them with a {@link WaitGroup},
 * then closes the executor. A sleeping virtual thread gives its carrier back, so all N sleeps overlap and
 * the wall time stays near one workload plus the cost of starting N threads. The workloads do not print:
 * N pairs of lines would be noise, so the scenario prints one summary line instead.
 *
 * <p>With {@code --work=cpu} the lesson turns around: a spinning virtual thread keeps its carrier, so only
 * as many workloads run at once as there are cores, and the wall time is about N &times; millis / cores.
 * Virtual threads make waiting cheap, not computing.
 *
 * <p><b>Timeline:</b> N short {@code heavyWorkload} spans on virtual threads, all overlapping, while the
 * {@code main} lane waits in {@code WaitGroup.await}.
 *
 * <p><b>Run:</b> {@code java -javaagent:agent/target/agent.jar -jar demo-app/target/demo-app.jar --scenario=4}
 */
public final class Scenario04VirtualThreads {

    static final String STORY = "10,000 heavyWorkloads on virtual threads (--virtual=N), awaited with a WaitGroup";

    private Scenario04VirtualThreads() {
    }

    static String title(Options options) {
        return "virtual threads — " + Workloads.counted(options.virtual())
                + " on virtual threads, awaited with a WaitGroup";
    }

    static String expectation(Options options) {
        return switch (options.work()) {
            case SLEEP -> String.format(Locale.ROOT, "about one workload, %d ms, plus starting %,d virtual threads",
                    options.virtualMillis(), options.virtual());
            case CPU -> {
                int cores = Runtime.getRuntime().availableProcessors();
                yield String.format(Locale.ROOT, "spinning keeps the carriers busy: about %,d x %d ms / %d cores = %,d ms",
                        options.virtual(), options.virtualMillis(), cores, options.virtual() * options.virtualMillis() / cores);
            }
        };
    }

    @Scenario("4 virtual threads")
    public static void run(Options options) throws InterruptedException {
        int tasks = options.virtual();
        if (options.work() == Work.CPU) {
            System.out.println("note: --work=cpu on virtual threads is bound by the cores: " + expectation(options));
        }
        long start = System.nanoTime();
        var wg = new WaitGroup();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tasks; i++) {
                wg.add(1);
                executor.execute(() -> {
                    try {
                        heavyWorkload(options.virtualMillis(), options.work(), false);
                    } finally {
                        wg.done();
                    }
                });
            }
            System.out.println(String.format(Locale.ROOT,
                    "main started %,d virtual threads and waits: wg.await()", tasks));
            wg.await();
        } // by now close() waits only for each task's last steps after done()
        long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println(String.format(Locale.ROOT,
                "%s of %d ms each on virtual threads finished in %,d ms (in line they would take %,d ms)",
                Workloads.counted(tasks), options.virtualMillis(), wallMillis, tasks * options.virtualMillis()));
    }
}
