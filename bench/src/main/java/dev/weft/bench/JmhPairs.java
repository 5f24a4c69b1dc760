package dev.weft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs one JMH benchmark class in several kinds of fork (without the agent, with it …), one fork
 * of each kind per round and alternating their order, so that load from elsewhere on a shared
 * machine falls on both sides alike. Scores pool every measured iteration of every fork.
 */
record JmhPairs(Settings settings, Path logDir, Progress progress) {

    /** A kind of fork: its name in the table and the JVM options that make it. */
    record Fork(String label, List<String> jvmArgs) { }

    record Settings(int rounds, int warmups, TimeValue warmupTime, int iterations, TimeValue iterationTime) {
        static final Settings STANDARD = new Settings(2, 3, TimeValue.seconds(1), 5, TimeValue.seconds(1));
        static final Settings QUICK = new Settings(1, 2, TimeValue.milliseconds(300), 3, TimeValue.milliseconds(300));

        Settings withRounds(int r) {
            return new Settings(r, warmups, warmupTime, iterations, iterationTime);
        }
    }

    /** Mean time per operation and its 99.9 % error over all measured iterations; heap bytes allocated per operation. */
    record Score(double nanos, double error, double bytesPerOp, long iterations) { }

    /** The same fixed heap in every fork, instead of JMH's default of copying this JVM's options. */
    private static final List<String> BASE_JVM_ARGS = List.of("-Xms512m", "-Xmx512m");

    /** @return benchmark (with its parameters, e.g. {@code waitSpan[recorder=on]}) → fork label → score */
    Map<String, Map<String, Score>> run(Class<?> benchmarks, List<Fork> forks) throws RunnerException {
        Map<String, Map<String, ListStatistics>> times = new LinkedHashMap<>();
        Map<String, Map<String, ListStatistics>> bytes = new LinkedHashMap<>();
        for (int round = 0; round < settings.rounds(); round++) {
            List<Fork> order = new ArrayList<>(forks);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Fork fork : order) {
                Path log = logDir.resolve("jmh-" + benchmarks.getSimpleName() + "-" + fork.label().replaceAll("\\W+", "_")
                        + "-" + (round + 1) + ".log");
                progress.line(benchmarks.getSimpleName() + ", " + fork.label() + ", round " + (round + 1) + "/"
                        + settings.rounds() + " (JMH log: " + log + ")");
                for (RunResult run : new Runner(options(benchmarks, fork, log)).run()) {
                    String key = key(run.getParams());
                    for (BenchmarkResult b : run.getBenchmarkResults()) {
                        for (IterationResult it : b.getIterationResults()) {
                            stats(times, key, fork.label()).addValue(it.getPrimaryResult().getScore());
                            for (Map.Entry<String, Result> s : it.getSecondaryResults().entrySet()) {
                                if (s.getKey().endsWith("gc.alloc.rate.norm")) {
                                    stats(bytes, key, fork.label()).addValue(s.getValue().getScore());
                                }
                            }
                        }
                    }
                }
            }
        }
        Map<String, Map<String, Score>> scores = new LinkedHashMap<>();
        times.forEach((key, byFork) -> byFork.forEach((label, t) -> {
            ListStatistics b = bytes.getOrDefault(key, Map.of()).get(label);
            double err = t.getN() > 1 ? t.getMeanErrorAt(0.999) : Double.NaN;
            scores.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(label,
                    new Score(t.getMean(), err, b == null ? Double.NaN : b.getMean(), t.getN()));
        }));
        return scores;
    }

    private org.openjdk.jmh.runner.options.Options options(Class<?> benchmarks, Fork fork, Path log) {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmarks.getName()) + "\\.")
                .forks(1)
                .threads(1)
                .warmupIterations(settings.warmups())
                .warmupTime(settings.warmupTime())
                .measurementIterations(settings.iterations())
                .measurementTime(settings.iterationTime())
                .jvmArgs(BASE_JVM_ARGS.toArray(String[]::new))
                .jvmArgsAppend(fork.jvmArgs().toArray(String[]::new))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .output(log.toString());
        return o.build();
    }

    private static ListStatistics stats(Map<String, Map<String, ListStatistics>> all, String key, String label) {
        return all.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(label, k -> new ListStatistics());
    }

    static String key(BenchmarkParams params) {
        String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Collection<String> keys = params.getParamsKeys();
        if (keys.isEmpty()) {
            return name;
        }
        StringBuilder k = new StringBuilder(name).append('[');
        String sep = "";
        for (String p : keys) {
            k.append(sep).append(p).append('=').append(params.getParam(p));
            sep = ",";
        }
        return k.append(']').toString();
    }
}
