package dev.weft.demo;

import java.util.Objects;

/**
 * The command line, parsed.
 *
 * @param scenario      {@code "1"} to {@code "4"}, or {@code "all"}
 * @param tasks         background tasks in scenarios 2 and 3
 * @param sequential    in-line calls in scenario 1
 * @param virtual       virtual-thread tasks in scenario 4
 * @param millis        duration of one heavy workload
 * @param virtualMillis duration of one virtual task's workload
 * @param work          what a workload does with its time
 */
public record Options(String scenario, int tasks, int sequential, int virtual,
                      long millis, long virtualMillis, Work work) {

    public static final Options DEFAULTS = new Options("all", 3, 3, 10_000, 300, 200, Work.SLEEP);

    /** A command line the program cannot run; the message names the option and what it accepts. */
    public static final class BadOption extends IllegalArgumentException {
        BadOption(String message) {
            super(message);
        }
    }

    public Options {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(work, "work");
    }

    /**
     * Parses {@code --name=value} options; later occurrences win. Help is the caller's business.
     *
     * @throws BadOption on an unknown option, a missing or malformed value, or a stray argument
     */
    public static Options parse(String... args) {
        String scenario = DEFAULTS.scenario;
        int tasks = DEFAULTS.tasks;
        int sequential = DEFAULTS.sequential;
        int virtual = DEFAULTS.virtual;
        long millis = DEFAULTS.millis;
        long virtualMillis = DEFAULTS.virtualMillis;
        Work work = DEFAULTS.work;

        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new BadOption("unexpected argument '" + arg + "' (options look like --name=value)");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            switch (name) {
                case "--scenario" -> scenario = scenario(required(name, value, "1|2|3|4|all"));
                // Platform threads and virtual tasks are each counted by one WaitGroup, hence its limit.
                case "--tasks" -> tasks = (int) number(name, value, 1, WaitGroup.MAX_COUNT);
                case "--sequential" -> sequential = (int) number(name, value, 1, Integer.MAX_VALUE);
                case "--virtual" -> virtual = (int) number(name, value, 1, WaitGroup.MAX_COUNT);
                case "--millis" -> millis = number(name, value, 0, Long.MAX_VALUE);
                case "--virtual-millis" -> virtualMillis = number(name, value, 0, Long.MAX_VALUE);
                case "--work" -> work = work(required(name, value, "sleep|cpu"));
                default -> throw new BadOption("unknown option '" + name + "'");
            }
        }
        return new Options(scenario, tasks, sequential, virtual, millis, virtualMillis, work);
    }

    private static String required(String name, String value, String accepted) {
        if (value == null || value.isEmpty()) {
            throw new BadOption("option " + name + " needs a value: " + name + "=" + accepted);
        }
        return value;
    }

    private static String scenario(String value) {
        return switch (value) {
            case "1", "2", "3", "4", "all" -> value;
            default -> throw new BadOption("--scenario must be 1, 2, 3, 4 or all, not '" + value + "'");
        };
    }

    private static Work work(String value) {
        try {
            return Work.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadOption("--work must be sleep or cpu, not '" + value + "'");
        }
    }

    private static long number(String name, String value, long min, long max) {
        String range = max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                ? "a whole number >= " + min
                : "a whole number from " + min + " to " + max;
        required(name, value, "N");
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadOption(name + " must be " + range + ", not '" + value + "'");
        }
        if (n < min || n > max) {
            throw new BadOption(name + " must be " + range + ", not " + n);
        }
        return n;
    }
}
