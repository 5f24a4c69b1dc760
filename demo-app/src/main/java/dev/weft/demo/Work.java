package dev.weft.demo;

import java.util.Locale;

/** What a heavy workload does with its time. */
public enum Work {

    /** Waits, like the Go tutorial's {@code time.Sleep}: concurrency pays off even on one core. */
    SLEEP,

    /** Keeps a core busy until the time is up: concurrency pays off only up to the number of cores. */
    CPU;

    /** Parses {@code sleep} or {@code cpu}. */
    static Work parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "sleep" -> SLEEP;
            case "cpu" -> CPU;
            default -> throw new IllegalArgumentException("unknown work '" + text + "'");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
