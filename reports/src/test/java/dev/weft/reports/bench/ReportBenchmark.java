package dev.weft.reports.bench;

import dev.weft.benchapps.LockStress;
import dev.weft.benchapps.LoopbackServer;
import dev.weft.reports.ClassArchive;
import dev.weft.reports.Reports;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Report generation benchmark (not a test: run by hand, see {@code bench/RESULTS.md}). Makes real
 * recordings — the demo under the agent, 100,000 virtual threads taking locks under the agent, a
 * loopback HTTP server under the agent — and synthetic ones of the agent's event shapes up to
 * {@code --big-mb} (and {@code --huge-mb}), then times {@code reports.jar html} against
 * {@code jfr print --json} of the same JDK on each file, interleaved, each in a fresh JVM with
 * {@code -Xmx512m}, and as {@code ./weft report} runs it ({@link Reports#JVM_OPTIONS}): medians, the ratio,
 * MB/s, peak heap and peak RSS. With the set {@code huge}, one
 * report of a {@code --huge-mb} recording in {@code -Xmx512m}. Last, the exit report's cost: the lock
 * stress under the agent with and without its HTML report at exit, peak RSS and wall time. With the set
 * {@code child}, the exit report's child alone on the real recordings at {@code reportheap=} 32, 48, 64 and 96 MB.
 *
 * <pre>
 * mvn -q -pl reports,agent,demo-app -DskipTests package
 * java -cp reports/target/test-classes:reports/target/classes dev.weft.reports.bench.ReportBenchmark \
 *      [--sets real,big,huge,exit,child] [--runs 5] [--big-mb 100] [--huge-mb 1024] [--agent agent/target/agent.jar] \
 *      [--demo demo-app/target/demo-app.jar] [--jar reports/target/reports.jar] [--dir reports/target/bench]
 * </pre>
 */
public final class ReportBenchmark {

    private static final long TIMEOUT_SECONDS = 1800;

    private final Map<String, String> options;
    private final Path dir;
    private final Path java;
    private final Path jfr;
    private final Path jar;
    private final Path agent;
    private final String classPath = System.getProperty("java.class.path");

    private ReportBenchmark(Map<String, String> options) throws Exception {
        this.options = options;
        this.dir = Files.createDirectories(Path.of(options.getOrDefault("dir", "reports/target/bench")));
        Path bin = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent();
        this.java = bin.resolve("java");
        this.jfr = bin.resolve("jfr");
        this.jar = existing(options.getOrDefault("jar", "reports/target/reports.jar"), "mvn -pl reports package");
        this.agent = existing(options.getOrDefault("agent", "agent/target/agent.jar"), "mvn -pl reports,agent package");
    }

    public static void main(String[] args) throws Exception {
        new ReportBenchmark(options(args)).run();
    }

    private void run() throws Exception {
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, load average %.1f%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), load());
        List<String> sets = List.of(options.getOrDefault("sets", "real,big,exit").split(","));
        Map<String, Path> recordings = new LinkedHashMap<>();
        if (sets.contains("real") || sets.contains("child")) {
            Path demo = existing(options.getOrDefault("demo", "demo-app/target/demo-app.jar"), "mvn -pl demo-app package");
            recordings.put("demo (agent)", underAgent("demo", "", List.of("-jar", demo.toString())));
            recordings.put("100k virtual threads, locks (agent)", underAgent("lock",
                    ",workload=dev.weft.benchapps.LockStress::task",
                    List.of("-cp", classPath, LockStress.class.getName(), "100000")));
            recordings.put("loopback HTTP server (agent)", underAgent("loopback",
                    ",workload=dev.weft.benchapps.LoopbackServer::handle",
                    List.of("-cp", classPath, LoopbackServer.class.getName(),
                            options.getOrDefault("requests", "100000"), "16")));
        }
        if (sets.contains("child")) {
            childHeaps(recordings, runs);
        }
        if (!sets.contains("real")) {
            recordings.clear();
        }
        long bigMb = Long.parseLong(options.getOrDefault("big-mb", "100"));
        if (bigMb > 0 && sets.contains("big")) {
            recordings.put("synthetic agent shapes, " + bigMb + " MB", synthetic("big", bigMb));
        }
        for (Map.Entry<String, Path> r : recordings.entrySet()) {
            compare(r.getKey(), r.getValue(), Files.size(r.getValue()) >= (100L << 20) ? Math.min(runs, 3) : runs);
        }
        long hugeMb = Long.parseLong(options.getOrDefault("huge-mb", "1024"));
        if (hugeMb > 0 && sets.contains("huge")) {
            huge(synthetic("huge", hugeMb));
        }
        if (sets.contains("exit")) {
            exitReportCost(runs);
        }
    }

    /**
     * The exit report's child alone, as the agent starts it (its options, without its class archive), on each
     * real recording at four {@code reportheap=} sizes: its peak RSS, and how much of the recording it held.
     */
    private void childHeaps(Map<String, Path> recordings, int runs) throws Exception {
        for (Map.Entry<String, Path> r : recordings.entrySet()) {
            System.out.printf(Locale.ROOT, "%nthe exit report's child on %s, %.1f MB, %d runs at each heap, load average "
                    + "%.1f%n", r.getKey(), Files.size(r.getValue()) / 1e6, runs, load());
            for (int heap : new int[] {32, 48, 64, 96}) {
                List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap + "m"));
                command.addAll(Reports.JVM_OPTIONS);
                command.addAll(List.of("-XX:-UsePerfData", "-Xss512k", "-cp", agent.toString(),
                        "dev.weft.agent.exit.RenderMain", r.getValue().toString(), dir.resolve("child.html").toString()));
                List<Child> cs = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    // 3: the report was written, in part
                    cs.add(Child.run(command, dir.resolve("gc-unused.log"), dir.resolve("child.out"), TIMEOUT_SECONDS, 3));
                }
                String held = Files.readAllLines(dir.resolve("child.out")).stream().findFirst().orElse("");
                System.out.printf(Locale.ROOT, "  reportheap=%dm: peak RSS median %4.0f MB (max %.0f), wall median %.2f s%s;"
                        + " %s%n", heap, median(cs, c -> c.rssMb()), max(cs, c -> c.rssMb()), median(cs, c -> c.seconds()),
                        cs.get(0).exitCode() == 3 ? ", partial" : ", whole", held.length() > 110 ? held.substring(0, 110)
                        + "…" : held);
            }
        }
    }

    /** Runs a program under the agent ({@code report=none}) and returns its recording. */
    private Path underAgent(String name, String agentOptions, List<String> program) throws Exception {
        Path out = dir.resolve("rec-" + name);
        deleteRecordings(out);
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-javaagent:" + agent + "=out=" + out + ",report=none" + agentOptions));
        command.addAll(program);
        Child c = Child.run(command, dir.resolve("gc-unused.log"), dir.resolve("rec-" + name + ".out"), TIMEOUT_SECONDS);
        Path jfrFile = only(out);
        System.out.printf(Locale.ROOT, "recorded %-8s %7.1f MB in %5.1f s (%s)%n", name, Files.size(jfrFile) / 1e6,
                c.seconds(), jfrFile.getFileName());
        return jfrFile;
    }

    /** A recording of the agent's event shapes of about {@code mb} MB, made in a child JVM. */
    private Path synthetic(String name, long mb) throws Exception {
        Path file = dir.resolve(name + ".jfr");
        if (!Files.isRegularFile(file) || Math.abs(Files.size(file) - (mb << 20)) > (mb << 20) / 3) {
            // about 24 bytes an event in the shapes SyntheticRecording writes
            long events = (mb << 20) / 24;
            Child c = Child.run(List.of(java.toString(), "-Xmx1g", "-cp", classPath, SyntheticRecording.class.getName(),
                    file.toString(), Long.toString(events)), dir.resolve("gc-unused.log"),
                    dir.resolve(name + ".out"), TIMEOUT_SECONDS);
            System.out.printf(Locale.ROOT, "generated %-7s %7.1f MB in %5.1f s%n", name, Files.size(file) / 1e6, c.seconds());
        }
        return file;
    }

    /** {@code reports html} against {@code jfr print --json}, interleaved. */
    private void compare(String name, Path recording, int runs) throws Exception {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("reports html", List.of(java.toString(), "-Xmx512m", "@gc", "-jar", jar.toString(), "html",
                recording.toString(), "-o", dir.resolve("out.html").toString()));
        List<String> args = List.of("html", recording.toString(), "-o", dir.resolve("out.html").toString());
        commands.put("./weft report", weftReport(args, true, 512));
        commands.put("  no class archive", weftReport(args, false, 512));
        if (Files.size(recording) > 50_000_000) {
            // in -Xmx512m the model of a recording this size may not fit: the report is then partial, and
            // did less; in a heap where it is whole, what a whole report costs
            commands.put("  in -Xmx2g", weftReport(List.of("html", recording.toString(), "-o",
                    dir.resolve("out-2g.html").toString()), true, 2048));
        }
        commands.put("jfr print --json", List.of(jfr.toString(), "-J-Xmx512m", "-J@gc", "print", "--json",
                recording.toString()));
        Map<String, List<Child>> results = interleave(commands, runs);
        double mb = Files.size(recording) / 1e6;
        System.out.printf(Locale.ROOT, "%n%s: %.1f MB, %d runs each, interleaved, whole process (JVM start included), "
                + "load average %.1f%n", name, mb, runs, load());
        for (Map.Entry<String, List<Child>> e : results.entrySet()) {
            List<Child> cs = e.getValue();
            System.out.printf(Locale.ROOT, "  %-18s wall median %6.2f s (min %.2f), CPU median %6.2f s (min %.2f), "
                    + "%6.1f MB/s by wall, %6.1f MB/s by CPU, peak heap %4d MB, peak RSS %4d MB%n", e.getKey(),
                    median(cs, c -> c.seconds()), min(cs, c -> c.seconds()), median(cs, c -> c.cpu()), min(cs, c -> c.cpu()),
                    mb / median(cs, c -> c.seconds()), mb / median(cs, c -> c.cpu()),
                    cs.stream().mapToLong(c -> c.heapMb()).max().orElse(-1), cs.stream().mapToLong(c -> c.rssMb()).max().orElse(-1));
        }
        List<Child> print = results.get("jfr print --json");
        for (String reports : results.keySet()) {
            if (reports.equals("jfr print --json")) {
                continue;
            }
            List<Child> html = results.get(reports);
            System.out.printf(Locale.ROOT, "  %s vs jfr print --json: %.1fx by wall (median), %.1fx by CPU (median), "
                    + "%.1fx by best CPU%n", reports, median(print, c -> c.seconds()) / median(html, c -> c.seconds()),
                    median(print, c -> c.cpu()) / median(html, c -> c.cpu()), min(print, c -> c.cpu()) / min(html, c -> c.cpu()));
        }
        System.out.printf(Locale.ROOT, "  html report %.1f MB%n", Files.size(dir.resolve("out.html")) / 1e6);
        // a partial report did less than a whole one: its figures are not those of the recording
        String err = Files.readString(output("./weft report", ".err")).strip();
        System.out.println(err.contains("only part of the recording") ? "  PARTIAL in -Xmx512m: " + err
                .substring(err.indexOf("the timeline shows") < 0 ? 0 : err.indexOf("the timeline shows"))
                : "  whole in -Xmx512m");
        if (results.containsKey("  in -Xmx2g")) {
            String whole = Files.readString(output("  in -Xmx2g", ".err"));
            System.out.println(whole.contains("only part of the recording") ? "  PARTIAL in -Xmx2g too" : "  whole in -Xmx2g");
        }
    }

    /** One report of a very large recording in {@code -Xmx512m}, as {@code ./weft report} runs it: how fast, in how much heap. */
    private void huge(Path recording) throws Exception {
        List<String> command = weftReport(List.of("html", recording.toString(), "-o", dir.resolve("huge.html").toString()),
                true, 512);
        Child c = Child.run(command, dir.resolve("gc-huge.log"), dir.resolve("huge.html.out"), TIMEOUT_SECONDS);
        double mb = Files.size(recording) / 1e6;
        System.out.printf(Locale.ROOT, "%nhuge: %.0f MB rendered in -Xmx512m in %.1f s wall, %.1f s CPU (%.1f MB/s by wall), "
                + "peak heap %d MB, peak RSS %d MB, report %.1f MB; stderr: %s%n", mb, c.seconds(), c.cpu(), mb / c.seconds(),
                c.heapMb(), c.rssMb(),
                Files.size(dir.resolve("huge.html")) / 1e6,
                Files.readString(dir.resolve("huge.html.out.err")).strip());
    }

    /** The lock stress under the agent, its exit report on and off: what the report adds to the app's process. */
    private void exitReportCost(int runs) throws Exception {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (String report : List.of("none", "html")) {
            commands.put("report=" + report, List.of(java.toString(), "-javaagent:" + agent + "=out="
                    + dir.resolve("exit-" + report) + ",report=" + report
                    + ",workload=dev.weft.benchapps.LockStress::task", "-cp", classPath,
                    LockStress.class.getName(), "100000"));
        }
        commands.put("no agent", List.of(java.toString(), "-cp", classPath, LockStress.class.getName(), "100000"));
        Map<String, List<Child>> results = interleave(commands, runs);
        System.out.printf(Locale.ROOT, "%nexit report, 100k virtual threads with locks, %d runs each, interleaved%n", runs);
        for (Map.Entry<String, List<Child>> e : results.entrySet()) {
            List<Child> cs = e.getValue();
            System.out.printf(Locale.ROOT, "  %-12s wall median %5.2f s, CPU median %5.2f s, peak RSS median %4.0f MB "
                    + "(max %.0f)%n", e.getKey(), median(cs, c -> c.seconds()), median(cs, c -> c.cpu()),
                    median(cs, c -> c.rssMb()), max(cs, c -> c.rssMb()));
        }
        List<Child> none = results.get("report=none");
        List<Child> html = results.get("report=html");
        System.out.printf(Locale.ROOT, "  the exit report adds %.0f MB of peak RSS, %.2f s of wall and %.2f s of CPU "
                + "(medians)%n", median(html, c -> c.rssMb()) - median(none, c -> c.rssMb()),
                median(html, c -> c.seconds()) - median(none, c -> c.seconds()), median(html, c -> c.cpu()) - median(none, c -> c.cpu()));
    }

    /**
     * {@code ./weft report}'s command for {@code args}: its JVM options and, with {@code archive}, its class archive,
     * written here by an untimed first report (as the first report after a build writes it).
     */
    private List<String> weftReport(List<String> args, boolean archive, int heapMb) throws Exception {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heapMb + "m", "@gc"));
        command.addAll(Reports.JVM_OPTIONS);
        if (archive) {
            Path file = dir.resolve("reports-jdk" + Runtime.version() + ".jsa").toAbsolutePath();
            Path home = java.getParent().getParent();
            ClassArchive plan = ClassArchive.prepare(Runtime.version().feature(), home, file, jar);
            if (plan.written() != null) {
                List<String> first = new ArrayList<>(List.of(java.toString(), "-Xmx512m"));
                first.addAll(Reports.JVM_OPTIONS);
                first.addAll(plan.options());
                first.addAll(List.of("-jar", jar.toString()));
                first.addAll(args); // the archive holds the classes this run loads
                Child.run(first, dir.resolve("gc-unused.log"), dir.resolve("archive.out"), TIMEOUT_SECONDS);
                plan.finish(true);
                plan = ClassArchive.prepare(Runtime.version().feature(), home, file, jar);
            }
            command.addAll(plan.options());
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return command;
    }

    private Map<String, List<Child>> interleave(Map<String, List<String>> commands, int runs) throws Exception {
        Map<String, List<Child>> results = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                String key = c.getKey().replaceAll("[^a-z0-9]+", "-");
                Child child = Child.run(c.getValue(), dir.resolve("gc-" + key + "-" + run + ".log"),
                        output(c.getKey(), ""), TIMEOUT_SECONDS);
                results.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(child);
            }
        }
        return results;
    }

    /** Where {@link #interleave} keeps the output of the command named {@code name} ({@code suffix} ".err": its stderr). */
    private Path output(String name, String suffix) {
        return dir.resolve("out-" + name.replaceAll("[^a-z0-9]+", "-") + ".txt" + suffix);
    }

    private static Path existing(String path, String build) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(p + " is missing: run " + build + " first");
        }
        return p;
    }

    private static void deleteRecordings(Path out) throws Exception {
        if (Files.isDirectory(out)) {
            try (var files = Files.list(out)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
        }
    }

    private static Path only(Path out) throws Exception {
        try (var files = Files.list(out)) {
            List<Path> jfrs = files.filter(f -> f.toString().endsWith(".jfr")).toList();
            if (jfrs.size() != 1) {
                throw new IllegalStateException("expected one recording in " + out + ", found " + jfrs);
            }
            return jfrs.get(0);
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(List<Child> runs, ToDoubleFunction<Child> of) {
        double[] v = runs.stream().mapToDouble(of).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Child> runs, ToDoubleFunction<Child> of) {
        return runs.stream().mapToDouble(of).min().orElse(-1);
    }

    private static double max(List<Child> runs, ToDoubleFunction<Child> of) {
        return runs.stream().mapToDouble(of).max().orElse(-1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: ReportBenchmark [--sets real,big,huge,exit,child] [--runs N] "
                        + "[--big-mb MB] [--huge-mb MB] "
                        + "[--requests N] [--jar reports.jar] [--agent agent.jar] [--demo demo-app.jar] [--dir DIR]; got "
                        + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
