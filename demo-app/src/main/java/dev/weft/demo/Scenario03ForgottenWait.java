package dev.weft.demo;

import static dev.weft.demo.Workloads.heavyWorkload;

import java.util.concurrent.CountDownLatch;

/**
 * Scenario 3: the forgotten wait. The tutorial's cautionary program starts the work with {@code go}
 * and does not wait for it:
 *
 * <pre>{@code
 * func main() {
 *     fmt.Println("Main function started")
 *     go heavyWorkload()
 *     fmt.Println("Main function finished")
 * }
 * }</pre>
 *
 * <p>A Go program ends when {@code main} returns, and its goroutines are killed mid-work: "heavy workload
 * finished" is never printed. Java differs here. The JVM exits only when its last <em>non-daemon</em>
 * thread ends, and a thread started from {@code main} is non-daemon unless told otherwise, so plain
 * threads would keep the program alive until they finished: the forgotten wait would go unpunished.
 * Daemon threads behave like goroutines: the JVM abandons them at exit, mid-call, without running their
 * {@code finally} blocks. So this scenario starts daemon threads, {@code forgotten-1..N}, and returns
 * without waiting; {@code main} then ends and the JVM exits under them. That is why it must be the last
 * scenario, and why it is run last in {@code all} mode.
 *
 * <p>Each forgotten workload lasts at least {@link #MIN_MILLIS} ms, so the exit certainly comes first
 * even on a slow machine, and costs the run nothing: nobody waits for it. {@code run} waits only until
 * the threads are running, so they are seen to start and then to be cut off, rather than never to start.
 *
 * <p><b>Timeline:</b> {@code forgotten-1..N} lanes whose {@code heavyWorkload} spans begin and never
 * end, cut off at the end of the recording; the {@code main} lane shows no wait at all.
 *
 * <p><b>Run:</b> {@code java -javaagent:agent/target/agent.jar -jar demo-app/target/demo-app.jar --scenario=3}
 */
public final class Scenario03ForgottenWait {

    static final String STORY = "N background threads are started but never awaited: the program ends under them";

    /** The shortest forgotten workload: long enough to be certainly cut off by the exit. */
    static final long MIN_MILLIS = 2_000;

    private Scenario03ForgottenWait() {
    }

    static String title(Options options) {
        return "forgotten wait — " + Workloads.counted(options.tasks())
                + " on background threads, never awaited: the program ends under them";
    }

    static String expectation(Options options) {
        return "about 0 ms, main did not wait";
    }

    static long workloadMillis(Options options) {
        return Math.max(options.millis(), MIN_MILLIS);
    }

    @Scenario("3 forgotten wait")
    public static void run(Options options) throws InterruptedException {
        long millis = workloadMillis(options);
        var running = new CountDownLatch(options.tasks());
        for (int i = 1; i <= options.tasks(); i++) {
            var forgotten = new Thread(() -> {
                running.countDown();
                heavyWorkload(millis, options.work(), true);
            }, "forgotten-" + i);
            forgotten.setDaemon(true);
            forgotten.start();
        }
        running.await(); // only until they run, never until they finish: that is the forgotten wait
        System.out.println("main started forgotten-1..forgotten-" + options.tasks() + " (" + millis
                + " ms each) and does not wait for them");
        System.out.println("Go kills goroutines when main returns; the JVM would wait for ordinary threads,"
                + " so these are daemon threads, which it abandons at exit just like goroutines");
    }
}
