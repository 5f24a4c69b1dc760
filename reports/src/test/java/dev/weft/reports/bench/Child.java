package dev.weft.reports.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One timed child process of the benchmark: its wall time, its peak resident set (Linux: the
 * {@code VmHWM} of {@code /proc/PID/status}, read every 10 ms while it runs) and, when it is a JVM
 * started with {@code @gc} among its arguments, its peak heap from a GC log. Output goes to files, the
 * wait is bounded.
 */
final class Child {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern EXIT_LINE = Pattern.compile(" heap .*used (\\d+)K");
    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    final double seconds;
    /** Peak resident set in MB, {@code -1} where /proc is not there. */
    final long rssMb;
    /** Peak heap in MB from the GC log, {@code -1} without one. */
    final long heapMb;
    final int exitCode;

    private Child(double seconds, long rssMb, long heapMb, int exitCode) {
        this.seconds = seconds;
        this.rssMb = rssMb;
        this.heapMb = heapMb;
        this.exitCode = exitCode;
    }

    /**
     * Runs {@code command}, each {@code @gc} in it replaced by GC logging to {@code gcLog}; stdout to
     * {@code stdout} (or discarded), stderr to {@code stdout}'s sibling {@code .err} file.
     */
    static Child run(List<String> command, Path gcLog, Path stdout, long timeoutSeconds) throws IOException,
            InterruptedException {
        List<String> line = new ArrayList<>();
        for (String part : command) {
            line.add(part.replace("@gc", "-Xlog:gc,gc+exit:file=" + gcLog));
        }
        Path err = stdout.resolveSibling(stdout.getFileName() + ".err");
        ProcessBuilder pb = new ProcessBuilder(line).redirectError(err.toFile()).redirectOutput(stdout.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc/" + p.pid() + "/status");
        long hwm = -1;
        while (!p.waitFor(10, TimeUnit.MILLISECONDS)) {
            hwm = Math.max(hwm, highWaterKb(status));
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("no end after " + timeoutSeconds + " s: " + String.join(" ", line));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed with exit code " + p.exitValue() + ": "
                    + Files.readString(err));
        }
        long heap = command.stream().anyMatch(c -> c.contains("@gc")) ? peakHeapMb(gcLog) : -1;
        return new Child(seconds, hwm < 0 ? -1 : hwm / 1024, heap, p.exitValue());
    }

    private static long highWaterKb(Path status) {
        try {
            Matcher m = HWM.matcher(Files.readString(status));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | UncheckedIOException e) {
            return -1; // ended between the poll and the read, or no /proc here
        }
    }

    /**
     * The peak heap occupancy in MB from a {@code -Xlog:gc,gc+exit} file: the largest occupancy before a
     * collection, or at exit when that is larger.
     */
    static long peakHeapMb(Path gcLog) {
        try {
            long peak = 0;
            for (String l : Files.readAllLines(gcLog)) {
                Matcher m = GC_LINE.matcher(l);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                }
                Matcher exit = EXIT_LINE.matcher(l);
                if (exit.find()) {
                    peak = Math.max(peak, (Long.parseLong(exit.group(1)) + 1023) / 1024);
                }
            }
            return peak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
