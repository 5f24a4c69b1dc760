package dev.weft.reports.bench;

import dev.weft.reports.testing.WeftEvents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * Report generation benchmark (not a test: run by hand, see the README). Generates a recording of
 * about a million events with the shapes of the agent's events, then times {@code reports.jar html}
 * (and {@code json}, {@code trace}) against {@code jfr print --json} of the same JDK on the same file,
 * interleaved, each in a fresh JVM with {@code -Xmx512m} and GC logging; prints medians, the ratio,
 * and the peak heap each used (the largest heap occupancy before a collection or at exit, from the
 * GC log).
 *
 * <pre>
 * java -cp reports/target/test-classes:reports/target/classes dev.weft.reports.bench.ReportBenchmark \
 *      [--events N] [--runs N] [--jar reports/target/reports.jar] [--dir target/bench]
 * </pre>
 */
public final class ReportBenchmark {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern EXIT_LINE = Pattern.compile(" heap .*used (\\d+)K");

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int events = Integer.parseInt(options.getOrDefault("events", "1000000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        Path jar = Path.of(options.getOrDefault("jar", "reports/target/reports.jar"));
        Path dir = Files.createDirectories(Path.of(options.getOrDefault("dir", "reports/target/bench")));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is missing: run mvn -pl reports package first");
        }
        Path bin = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent();
        Path java = bin.resolve("java");
        Path jfr = bin.resolve("jfr");

        Path big = dir.resolve("big.jfr");
        long t0 = System.nanoTime();
        generate(big, events);
        long count = count(big);
        System.out.printf(Locale.ROOT, "recording: %s, %,d events, %.1f MB, generated in %.1f s (JDK %s)%n", big,
                count, Files.size(big) / 1e6, (System.nanoTime() - t0) / 1e9, Runtime.version());

        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("reports html", List.of(java.toString(), "-Xmx512m", "@gc", "-jar", jar.toString(), "html",
                big.toString(), "-o", dir.resolve("big.html").toString()));
        commands.put("jfr print --json", List.of(jfr.toString(), "-J-Xmx512m", "-J@gc", "print", "--json",
                big.toString()));
        commands.put("reports json", List.of(java.toString(), "-Xmx512m", "@gc", "-jar", jar.toString(), "json",
                big.toString(), "-o", dir.resolve("big.json").toString()));
        commands.put("reports trace", List.of(java.toString(), "-Xmx512m", "@gc", "-jar", jar.toString(), "trace",
                big.toString(), "-o", dir.resolve("big.trace.json").toString()));
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, Long> peak = new LinkedHashMap<>();
        Map<String, Long> live = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                Path gcLog = dir.resolve("gc-" + c.getKey().replace(' ', '-') + "-" + run + ".log");
                double s = time(c.getValue(), gcLog, c.getKey().startsWith("jfr") ? null : dir.resolve("out.txt"));
                seconds.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(s);
                peak.merge(c.getKey(), peakHeapMb(gcLog), Math::max);
                live.merge(c.getKey(), liveHeapMb(gcLog), Math::max);
            }
        }
        System.out.printf(Locale.ROOT, "%d runs each, interleaved, wall time of the whole process (JVM start "
                + "included), -Xmx512m:%n", runs);
        for (String name : commands.keySet()) {
            System.out.printf(Locale.ROOT, "  %-18s median %6.2f s  (min %.2f, max %.2f)  peak heap %4d MB, "
                    + "live after GC %4d MB%n", name, median(seconds.get(name)), min(seconds.get(name)),
                    max(seconds.get(name)), peak.get(name), live.get(name));
        }
        System.out.printf(Locale.ROOT, "  html vs jfr print --json: %.1fx faster%n",
                median(seconds.get("jfr print --json")) / median(seconds.get("reports html")));
        System.out.printf(Locale.ROOT, "  html report %.1f MB, %.1f bytes per event%n",
                Files.size(dir.resolve("big.html")) / 1e6, (double) Files.size(dir.resolve("big.html")) / count);
        // the smallest heap html runs in: the memory it needs, whatever the collector chose to use
        String smallest = "none";
        for (String xmx : List.of("256m", "128m", "96m", "64m", "48m", "32m")) {
            List<String> line = new ArrayList<>(commands.get("reports html"));
            line.set(1, "-Xmx" + xmx);
            try {
                time(line, dir.resolve("gc-xmx-" + xmx + ".log"), dir.resolve("out.txt"));
                smallest = xmx;
            } catch (IllegalStateException e) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "  smallest -Xmx html succeeded with (of 256m, 128m, 96m, 64m, 48m, 32m): %s%n",
                smallest);
    }

    /** About {@code target} events: phases on main, each with workers that alternate work, waits and wakes. */
    static void generate(Path file, int target) throws Exception {
        int phases = 4;
        int threadsPerPhase = 250;
        // per iteration: a workload span, a wait span and a wake
        int iterations = Math.max(1, target / (phases * threadsPerPhase * 3));
        try (Recording r = new Recording()) {
            for (Class<? extends jdk.jfr.Event> type : List.of(WeftEvents.Workload.class, WeftEvents.Wait.class,
                    WeftEvents.Wake.class, WeftEvents.ThreadStart.class, WeftEvents.ThreadAliveAtExit.class,
                    WeftEvents.AgentStatus.class)) {
                r.enable(type).withThreshold(Duration.ZERO);
            }
            for (String name : List.of("jdk.ThreadStart", "jdk.ThreadEnd", "jdk.VirtualThreadStart",
                    "jdk.VirtualThreadEnd")) {
                r.enable(name).withThreshold(Duration.ZERO);
            }
            r.start();
            WeftEvents.AgentStatus status = new WeftEvents.AgentStatus();
            status.version = "bench";
            status.instrumentedTypes = 40;
            status.commit();
            Thread main = new Thread(() -> {
                try {
                    for (int p = 0; p < phases; p++) {
                        boolean virtual = p >= phases / 2;
                        WeftEvents.workload("bench.Main::phase" + p, () -> phase(threadsPerPhase, iterations,
                                virtual));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "main");
            main.start();
            main.join();
            r.stop();
            r.dump(file);
        }
    }

    private static void phase(int threads, int iterations, boolean virtual) throws Exception {
        Object lock = new Object();
        Thread[] workers = new Thread[threads];
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            int index = i;
            Runnable task = () -> {
                try {
                    go.await();
                    for (int k = 0; k < iterations; k++) {
                        WeftEvents.workload("bench.Worker::task", () -> spin(2_000));
                        WeftEvents.await(k % 2 == 0 ? "park" : "latch", k % 2 == 0
                                ? "java.util.concurrent.locks.LockSupport.park"
                                : "java.util.concurrent.CountDownLatch.await", lock, null, () -> spin(1_000));
                        WeftEvents.Wake wake = new WeftEvents.Wake();
                        wake.wokenThread = workers[(index + 1) % workers.length];
                        wake.blockerId = System.identityHashCode(lock);
                        wake.how = "unpark";
                        wake.commit();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            workers[i] = virtual ? Thread.ofVirtual().name("v-", i).unstarted(task)
                    : Thread.ofPlatform().name("worker-", i).unstarted(task);
        }
        for (Thread w : workers) {
            WeftEvents.start(w);
        }
        go.countDown();
        for (Thread w : workers) {
            WeftEvents.await("join", "java.lang.Thread.join", w, w, w::join);
        }
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static long count(Path file) throws IOException {
        long n = 0;
        try (RecordingFile f = new RecordingFile(file)) {
            while (f.hasMoreEvents()) {
                f.readEvent();
                n++;
            }
        }
        return n;
    }

    /** Runs {@code command} ({@code @gc} becomes GC logging to {@code gcLog}) and returns its wall time. */
    private static double time(List<String> command, Path gcLog, Path stdout) throws Exception {
        List<String> line = new ArrayList<>();
        for (String part : command) {
            line.add(part.replace("@gc", "-Xlog:gc,gc+exit:file=" + gcLog));
        }
        ProcessBuilder pb = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        int code = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed with exit code " + code);
        }
        return s;
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

    /** The largest heap occupancy right after a collection, in MB: what was still reachable. */
    static long liveHeapMb(Path gcLog) {
        try {
            long live = 0;
            for (String l : Files.readAllLines(gcLog)) {
                Matcher m = GC_LINE.matcher(l);
                if (m.find()) {
                    live = Math.max(live, Long.parseLong(m.group(2)));
                }
            }
            return live;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: ReportBenchmark [--events N] [--runs N] [--jar reports.jar]"
                        + " [--dir DIR]; got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
