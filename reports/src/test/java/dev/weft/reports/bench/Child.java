package dev.weft.reports.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One timed child process of the benchmark: its wall time; its CPU time (user + system) and peak
 * resident set, from GNU time's {@code wait4} figures where GNU {@code time} is on the PATH, else the
 * peak resident set only, from {@code /proc/PID/status} read every 10 ms; and, when it is a JVM started
 * with {@code @gc} among its arguments, its peak heap from a GC log. On a machine shared with other work
 * the CPU time says more than the wall time. Output goes to files, the wait is bounded.
 *
 * @param cpu user plus system CPU seconds, {@code -1} without GNU time
 * @param rssMb peak resident set in MB, {@code -1} where /proc is not there
 * @param heapMb peak heap in MB from the GC log, {@code -1} without one
 */
record Child(double seconds, double cpu, long rssMb, long heapMb, int exitCode) {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern EXIT_LINE = Pattern.compile(" heap .*used (\\d+)K");
    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");
    /** GNU time, found on the PATH (a shell's own {@code time} is no program); {@code null} without one. */
    private static final Path TIME = gnuTime();

    /**
     * Runs {@code command}, each {@code @gc} in it replaced by GC logging to {@code gcLog}; stdout to
     * {@code stdout} (or discarded), stderr to {@code stdout}'s sibling {@code .err} file.
     */
    static Child run(List<String> command, Path gcLog, Path stdout, long timeoutSeconds, int... alsoFine)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        Path times = stdout.resolveSibling(stdout.getFileName() + ".time");
        Files.deleteIfExists(times);
        if (TIME != null) {
            line.addAll(List.of(TIME.toString(), "-f", "%U %S %M", "-o", times.toString()));
        }
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
        if (p.exitValue() != 0 && Arrays.stream(alsoFine).noneMatch(code -> code == p.exitValue())) {
            throw new IllegalStateException(String.join(" ", line) + " failed with exit code " + p.exitValue() + ": "
                    + Files.readString(err));
        }
        long heap = command.stream().anyMatch(c -> c.contains("@gc")) ? peakHeapMb(gcLog) : -1;
        double cpu = -1;
        if (Files.isRegularFile(times)) {
            String[] t = Files.readString(times).trim().split("\\s+");
            cpu = Double.parseDouble(t[t.length - 3]) + Double.parseDouble(t[t.length - 2]);
            hwm = Long.parseLong(t[t.length - 1]);
        }
        return new Child(seconds, cpu, hwm < 0 ? -1 : hwm / 1024, heap, p.exitValue());
    }

    private static Path gnuTime() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "time");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
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
