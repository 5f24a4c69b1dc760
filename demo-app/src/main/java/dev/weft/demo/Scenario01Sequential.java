package dev.weft.demo;

import static dev.weft.demo.Workloads.heavyWorkload;

/**
 * Scenario 1: sequential. The tutorial's first program calls {@code heavyWorkload()} in line:
 *
 * <pre>{@code
 * func main() {
 *     fmt.Println("Main function started")
 *     heavyWorkload()
 *     fmt.Println("Main function finished")
 * }
 * }</pre>
 *
 * <p>A call returns only when its work is done, so {@code main} is blocked for the whole of it and can
 * do nothing else. N calls run one after another: the wall time is about N &times; millis.
 *
 * <p><b>Timeline:</b> one busy lane, {@code main}, with N {@code heavyWorkload} spans end to end inside
 * the scenario's phase. No other thread does anything, which is the point: nothing ran at the same time.
 *
 * <p><b>Run:</b> {@code java -javaagent:agent/target/agent.jar -jar demo-app/target/demo-app.jar --scenario=1}
 */
public final class Scenario01Sequential {

    static final String STORY = "main calls heavyWorkload in line N times: main is blocked the whole time";

    private Scenario01Sequential() {
    }

    static String title(Options options) {
        return "sequential — " + Workloads.counted(options.sequential()) + " in line on main";
    }

    static String expectation(Options options) {
        return "about %d x %d = %d ms, main blocked all along".formatted(
                options.sequential(), options.millis(), options.sequential() * options.millis());
    }

    @Scenario("1 sequential")
    public static void run(Options options) {
        int calls = options.sequential();
        System.out.println("main calls heavyWorkload " + calls + (calls == 1 ? " time" : " times")
                + ", one after the other, and waits for each");
        for (int i = 0; i < calls; i++) {
            heavyWorkload(options.millis(), options.work(), true);
        }
    }
}
