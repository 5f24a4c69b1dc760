package dev.weft.demo;

import java.util.List;
import java.util.function.Function;

/**
 * The numbered scenarios, declared in the order {@code all} runs them, each with the oldest Java it
 * runs on: the demo is built for 17, and only virtual threads need 21.
 */
enum Lesson {

    SEQUENTIAL(1, 17, Scenario01Sequential.STORY, Scenario01Sequential::title,
            Scenario01Sequential::expectation, Scenario01Sequential::run),
    CONCURRENT(2, 17, Scenario02Concurrent.STORY, Scenario02Concurrent::title,
            Scenario02Concurrent::expectation, Scenario02Concurrent::run),
    // Lambdas, not method references: a method reference loads its class as soon as Lesson does, and
    // Scenario04VirtualThreads is Java 21 code (the build compiles it apart) that Java 17 cannot load.
    VIRTUAL_THREADS(4, 21, Scenario04VirtualThreads.STORY, options -> Scenario04VirtualThreads.title(options),
            options -> Scenario04VirtualThreads.expectation(options), options -> Scenario04VirtualThreads.run(options)),
    // Last: once it returns the program must end, for the JVM's exit is what it demonstrates.
    FORGOTTEN_WAIT(3, 17, Scenario03ForgottenWait.STORY, Scenario03ForgottenWait::title,
            Scenario03ForgottenWait::expectation, Scenario03ForgottenWait::run);

    @FunctionalInterface
    interface Runner {
        void run(Options options) throws InterruptedException;
    }

    final int number;
    /** The oldest Java release ({@code Runtime.version().feature()}) the scenario runs on. */
    final int minimumJava;
    final String story;
    private final Function<Options, String> title;
    private final Function<Options, String> expectation;
    private final Runner runner;

    Lesson(int number, int minimumJava, String story, Function<Options, String> title,
           Function<Options, String> expectation, Runner runner) {
        this.number = number;
        this.minimumJava = minimumJava;
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

    /** Whether the scenario runs on Java {@code feature}; if not, {@link #unavailableOn} says why in one line. */
    boolean runsOn(int feature) {
        return feature >= minimumJava;
    }

    String unavailableOn(int feature) {
        return "Scenario " + number + " needs Java " + minimumJava + " or newer (virtual threads); this is Java "
                + feature + ", so it is skipped";
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
