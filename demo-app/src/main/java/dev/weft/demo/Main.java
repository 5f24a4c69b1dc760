package dev.weft.demo;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Go lesson on goroutines and {@code sync.WaitGroup}, retold with Java threads as numbered scenarios.
 *
 * <p>Prints the tutorial's lines ({@code Main function started}, {@code heavy workload started/finished},
 * {@code Main function finished}), a header before each scenario and its wall time after it.
 * Run {@code java -jar demo-app/target/demo-app.jar --help} for the options; add
 * {@code -javaagent:agent/target/agent.jar} to see the threads' lanes in Weft's report.
 */
public final class Main {

    static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status = run(args, System.out, System.err);
        // On success main simply returns, as Go's main does: scenario 3 needs the program to end that way.
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command line; scenarios narrate on {@code System.out}. Returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (Arrays.stream(args).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"))) {
            out.print(usage());
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.BadOption e) {
            err.println("demo-app: " + e.getMessage());
            err.println("Try --help for the options.");
            return EXIT_USAGE;
        }

        out.println("Main function started");
        List<Lesson> lessons = Lesson.selectedBy(options.scenario());
        int java = Runtime.version().feature();
        for (Lesson lesson : lessons) {
            out.println();
            if (!lesson.runsOn(java)) {
                out.println(lesson.unavailableOn(java));
                continue;
            }
            if (lesson == Lesson.FORGOTTEN_WAIT && lessons.size() > 1) {
                out.println("Scenario 3 comes last on purpose: main does not wait for its threads,"
                        + " so the program ends while they still work.");
            }
            out.println(lesson.header(options));
            long start = System.nanoTime();
            lesson.run(options);
            long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            out.println("-- Scenario " + lesson.number + " took " + wallMillis + " ms (expected: "
                    + lesson.expectation(options) + ")");
        }
        out.println();
        out.println("Main function finished");
        return 0;
    }

    static String usage() {
        var text = new StringBuilder();
        text.append("""
                Usage: java [-javaagent:agent/target/agent.jar] -jar demo-app/target/demo-app.jar [options]

                The Go lesson on goroutines and sync.WaitGroup, retold with Java threads.
                heavyWorkload() lasts --millis; started in line it blocks main, started on other
                threads and awaited it runs beside main, started and forgotten it is cut off at exit.

                Scenarios (all of them run in the order 1, 2, 4, 3: scenario 3 ends the program):
                """);
        Arrays.stream(Lesson.values())
                .sorted(Comparator.comparingInt(lesson -> lesson.number))
                .forEach(lesson -> text.append("  ").append(lesson.number).append("  ").append(lesson.story).append('\n'));
        text.append("""

                Options:
                  --scenario=1|2|3|4|all  which scenario to run (default all)
                  --tasks=N               background threads in scenarios 2 and 3 (default 3)
                  --sequential=N          in-line calls in scenario 1 (default 3)
                  --virtual=N             virtual-thread tasks in scenario 4 (default 10000, at most %d)
                  --millis=N              duration of one heavy workload in ms (default 300;
                                          scenario 3 uses at least %d so that the exit cuts it off)
                  --virtual-millis=N      duration of one virtual task's workload in ms (default 200)
                  --work=sleep|cpu        sleep, like the Go tutorial's time.Sleep, or spin a core
                                          for the duration (default sleep)
                  -h, --help              print this help
                """.formatted(WaitGroup.MAX_COUNT, Scenario03ForgottenWait.MIN_MILLIS));
        return text.toString();
    }
}
