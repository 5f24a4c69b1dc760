package dev.weft.reports.testing;

import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.ThreadInfo;

/**
 * Models with exact times and known answers, built by hand for the analysis tests: times are given in
 * milliseconds from a fixed origin, so that a test reads like the timeline it draws.
 */
public final class TimedModels {

    public static final long MS = 1_000_000L;
    public static final long T0 = 1_000_000_000_000L;

    private TimedModels() {
    }

    /** The time {@code millis} after the origin, in nanoseconds. */
    public static long at(double millis) {
        return T0 + (long) (millis * MS);
    }

    /** A builder whose recording spans {@code [0, endMillis]}. */
    public static ModelBuilder recording(double endMillis) {
        ModelBuilder b = new ModelBuilder(null);
        b.event("x", at(0), at(endMillis));
        return b;
    }

    /** A platform thread seen to start at {@code from} (started by {@code parent}, or -1) and to end at {@code to}. */
    public static ThreadInfo thread(ModelBuilder b, long id, String name, double from, double to, long parent) {
        ThreadInfo t = started(b, id, name, from, parent);
        b.ended(t, at(to));
        return t;
    }

    /** A platform thread seen to start at {@code from} (started by {@code parent}, or -1), and never to end. */
    public static ThreadInfo started(ModelBuilder b, long id, String name, double from, long parent) {
        ThreadInfo t = b.thread(id, name, false);
        b.started(t, at(from), parent);
        return t;
    }
}
