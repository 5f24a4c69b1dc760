package dev.weft.bench;

/** One line per step on stderr, so a long run shows where it is while the table goes to stdout. */
final class Progress {

    private final long start = System.nanoTime();

    void line(String what) {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        System.err.printf("[bench %d:%02d] %s%n", s / 60, s % 60, what);
    }
}
