package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) of the child processes this JVM has waited for, from Linux's
 * {@code /proc/self/stat}. Unlike wall time it hardly moves when other work shares the cores,
 * so it tells a change in the work a JVM does from a change in the load around it.
 */
final class ChildCpu {

    /** {@code /proc} counts in USER_HZ, which Linux fixes at 100 for user space. */
    private static final double MILLIS_PER_TICK = 10;

    private ChildCpu() { }

    /** Milliseconds so far, or {@code NaN} where {@code /proc/self/stat} cannot be read (not Linux). */
    static double millis() {
        try {
            return parse(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** cutime and cstime are fields 16 and 17; the command name (field 2) may hold spaces, so count from its ')'. */
    static double parse(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * MILLIS_PER_TICK;
    }
}
