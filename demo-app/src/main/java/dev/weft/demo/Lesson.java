package dev.weft.demo;

import java.util.List;
import java.util.function.Function;

/** The numbered scenarios, declared in the order {@code all} runs them. */
enum Lesson {

    SEQUENTIAL(1, Scenario01Sequential.STORY, Scenario01Sequential::title,
            Scenario01Sequential::expectation, Scenario01Sequential::run),
    CONCURRENT(2, Scenario02Concurrent.STORY, Scenario02Concurrent::title,
            Scenario02Concurrent::expectation, Scenario02Concurrent::run),
    VIRTUAL_THREADS(4, Scenario04VirtualThreads.STORY, Scenario04VirtualThreads::title,
            Scenario04VirtualThreads::expectation, Scenario04VirtualThreads::run),
    // Last: once it returns the program must end, for the JVM's exit is what it demonstrates.
    FORGOTTEN_WAIT(3, Scenario03ForgottenWait.STORY, Scenario03ForgottenWait::title,
            Scenario03ForgottenWait::expectation, Scenario03ForgottenWait::run);

    @FunctionalInterface
    interface Runner {
        void run(Options options) throws InterruptedException;
    }

    final int number;
    final String story;
    private final Function<Options, String> title;
    private final Function<Options, String> expectation;
    private final Runner runner;

    Lesson(int number, String story, Function<Options, String> title,
           Function<Options, String> expectation, Runner runner) {
        this.number = number;
        this.story = story;
        this.title = title;
        this.expectation = expectation;
        this.runner = runner;
    }

    /** The lessons {@code --scenario} selects, in running order. */
    static List<Lesson> selectedBy(String scenario) {
        if (scenario.equals("all")) {
            return List.of(values());
        }
        int number = Integer.parseInt(scenario);
        for (Lesson lesson : values()) {
            if (lesson.number == number) {
                return List.of(lesson);
            }
        }
        throw new IllegalArgumentException("no scenario " + scenario);
    }

    String header(Options options) {
        return "== Scenario " + number + ": " + title.apply(options) + " ==";
    }

    String expectation(Options options) {
        return expectation.apply(options);
    }

    void run(Options options) throws InterruptedException {
        runner.run(options);
    }
}
