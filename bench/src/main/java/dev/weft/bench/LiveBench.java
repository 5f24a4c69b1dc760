package dev.weft.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live view's benchmarks (issue 9): what watching costs the watched JVM, how far the page is behind
 * an event, and the watcher's memory over a long watch.
 */
final class LiveBench {

    static final String PLAIN = "no agent";
    static final String RECORDED = "recorded (agent)";
    static final String WATCHED = "recorded and watched";

    private static final Pattern RATE = Pattern.compile("RATE ([0-9.]+)");
    private static final Pattern GC = Pattern.compile("\\[([0-9.]+)s].*GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Path work;
    private final Progress progress;

    LiveBench(Path work, Progress progress) {
        this.work = work;
        this.progress = progress;
    }

    /** Throughput of the loopback server per variant (requests/s) and the watcher's CPU per second watched. */
    record Throughput(Map<String, Sample> rate, Sample watcherCpuPerSecond, int measureSeconds) { }

    Throughput throughput(int runs, int measureSeconds) throws Exception {
        Path out = Files.createDirectories(work.resolve("live-out"));
        Map<String, Sample> rate = new LinkedHashMap<>();
        for (String v : List.of(PLAIN, RECORDED, WATCHED)) {
            rate.put(v, new Sample());
        }
        Sample watcherCpu = new Sample();
        List<String> order = new ArrayList<>(rate.keySet());
        for (int round = 0; round <= runs; round++) {
            progress.line("watched server, round " + round + "/" + runs + (round == 0 ? " (warm-up, not counted)" : ""));
            for (String v : order) {
                List<String> args = new ArrayList<>();
                if (!v.equals(PLAIN)) {
                    args.add(StartupBench.agentArg(out, "report=none"));
                }
                args.addAll(List.of("-cp", Locations.benchClassPath().toString(), LoopbackServer.class.getName(), "8",
                        "3", Integer.toString(measureSeconds)));
                try (Child server = Child.java(work, "server", args)) {
                    server.await("READY"::equals, 120);
                    Child watch = null;
                    double cpu0 = 0;
                    long t0 = 0;
                    if (v.equals(WATCHED)) {
                        watch = watcher(server.pid(), List.of(), "--json-lines");
                        watch.await(l -> l.startsWith("{\"t\""), 120);
                        cpu0 = watch.cpuMillis();
                        t0 = System.nanoTime();
                    }
                    server.send("GO");
                    Matcher m = RATE.matcher(server.await(l -> l.startsWith("RATE "), 180).text());
                    if (!m.matches()) {
                        throw new IllegalStateException("no rate");
                    }
                    if (watch != null) {
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        double cpu = (watch.cpuMillis() - cpu0) / seconds;
                        watch.stop(30);
                        if (round > 0) {
                            watcherCpu.add(cpu);
                        }
                    }
                    server.closeInput();
                    server.awaitExit(60);
                    if (round > 0) {
                        rate.get(v).add(Double.parseDouble(m.group(1)));
                    }
                }
                Processes.clean(out);
            }
            Collections.rotate(order, 1);
        }
        return new Throughput(rate, watcherCpu, measureSeconds);
    }

    /** From a sleep's beginning (the target's clock) to the page's data listing it, and from its end to the page dropping it. */
    record Latency(Sample appear, Sample disappear) { }

    Latency latency(int events) throws Exception {
        Path out = Files.createDirectories(work.resolve("live-out"));
        Sample appear = new Sample();
        Sample disappear = new Sample();
        try (Child target = Child.java(work, "sleeper", List.of(StartupBench.agentArg(out, "report=none"), "-cp",
                Locations.benchClassPath().toString(), SleepTarget.class.getName()))) {
            target.await("READY"::equals, 120);
            Child watch = watcher(target.pid(), List.of());
            try {
                URI page = URI.create(watch.await(l -> l.startsWith("[weft] live: "), 120).text()
                        .substring("[weft] live: ".length()));
                URI data = URI.create(page.toString().replace("/?token=", "/data?token="));
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                java.util.Random random = new java.util.Random(42);
                for (int i = 1; i <= events; i++) {
                    // a random phase against the target's once-a-second sample and flush, else every event lands alike
                    Thread.sleep(random.nextInt(1000));
                    target.send("sleep");
                    String name = "\"thread\":\"bench-sleeper-" + i + "\"";
                    long began = Long.parseLong(target.await(l -> l.startsWith("BEGAN "), 30).text().split(" ")[2]);
                    long seen = until(http, data, name, true, 20);
                    long ended = Long.parseLong(target.await(l -> l.startsWith("ENDED "), 30).text().split(" ")[2]);
                    long gone = until(http, data, name, false, 20);
                    appear.add(seen - began);
                    disappear.add(gone - ended);
                    progress.line("event " + i + "/" + events + ": on the page after " + (seen - began) + " ms, off it "
                            + (gone - ended) + " ms after it ended");
                }
            } finally {
                watch.stop(60);
            }
            target.closeInput();
        }
        Processes.clean(out);
        return new Latency(appear, disappear);
    }

    /** Polls the page's data every 50 ms until its live part lists {@code name} (or no longer does); the time, epoch ms. */
    private static long until(HttpClient http, URI data, String name, boolean listed, long seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(data).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            int live = body.indexOf("\"live\":{");
            boolean has = live >= 0 && body.indexOf(name, live) >= 0;
            if (has == listed) {
                return System.currentTimeMillis();
            }
            Thread.sleep(50); // a page's poll, faster: the figure is the watcher's lag, not the poll's
        }
        throw new IllegalStateException(name + (listed ? " never listed" : " never dropped") + " within " + seconds + " s");
    }

    /** The watcher's heap after each GC and its RSS, minute by minute, over a watch of a busy server. */
    record Memory(List<long[]> minutes, long targetEvents) { }

    Memory heap(int minutes) throws Exception {
        Path out = Files.createDirectories(work.resolve("live-out"));
        Path gcLog = work.resolve("watch-gc.log");
        List<long[]> perMinute = new ArrayList<>();
        try (Child server = Child.java(work, "server", List.of(StartupBench.agentArg(out, "report=none"), "-cp",
                Locations.benchClassPath().toString(), LoopbackServer.class.getName(), "8", "0", "0"))) {
            server.await("READY"::equals, 120);
            server.send("GO");
            // the heap ./weft watch gives it: a live set that outgrew the window would end in an OutOfMemoryError
            Child watch = watcher(server.pid(), List.of("-Xlog:gc:file=" + gcLog));
            try {
                URI page = URI.create(watch.await(l -> l.startsWith("[weft] live: "), 120).text()
                        .substring("[weft] live: ".length()));
                URI data = URI.create(page.toString().replace("/?token=", "/data?token="));
                HttpClient http = HttpClient.newHttpClient();
                long start = System.nanoTime();
                long maxRss = 0;
                long bytes = 0;
                for (int s = 1; s <= minutes * 60; s++) {
                    if (!watch.isAlive()) {
                        throw new IllegalStateException("the watcher ended after " + s + " s: "
                                + Files.readString(work.resolve("watch.err")));
                    }
                    // as a page does: one poll a second
                    bytes = http.send(HttpRequest.newBuilder(data).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                            .body().length;
                    maxRss = Math.max(maxRss, Child.statusKb(watch.pid(), "VmRSS"));
                    if (s % 60 == 0) {
                        perMinute.add(new long[] {s / 60, maxRss, bytes});
                        progress.line("watch minute " + s / 60 + "/" + minutes + ": RSS up to " + maxRss / 1024
                                + " MB, page data " + bytes / 1024 + " KB");
                        maxRss = 0;
                    }
                    long next = start + s * 1_000_000_000L;
                    Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                }
            } finally {
                watch.stop(60);
            }
            server.closeInput();
            server.awaitExit(60);
        }
        long jfrBytes = 0;
        try (var files = Files.list(out)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                jfrBytes += Files.size(p);
            }
        }
        Processes.clean(out);
        // per minute: the lowest heap after a GC (what the window holds), the highest before one
        List<String> log = Files.readAllLines(gcLog);
        for (long[] m : perMinute) {
            long low = Long.MAX_VALUE;
            long high = 0;
            for (String line : log) {
                Matcher g = GC.matcher(line);
                if (g.find() && (long) (Double.parseDouble(g.group(1)) / 60) + 1 == m[0]) {
                    low = Math.min(low, Long.parseLong(g.group(3)));
                    high = Math.max(high, Long.parseLong(g.group(2)));
                }
            }
            perMinute.set((int) m[0] - 1, new long[] {m[0], m[1], m[2], low == Long.MAX_VALUE ? -1 : low, high});
        }
        return new Memory(perMinute, jfrBytes);
    }

    static final String AGENT_NO_REPORT = "agent, report=none";
    static final String AGENT_REPORT = "agent (report in a child JVM)";

    /**
     * The exit report's memory: the 100k-virtual-thread program's peak RSS and wall time per variant, the
     * peak RSS of the child JVM that renders its report, and the recording's size.
     */
    record ExitMemory(Map<String, Sample> peakKb, Map<String, Sample> wall, Sample childKb, Sample jfrMb,
                      Sample rendered) { }

    ExitMemory exitReport(int runs) throws Exception {
        Path out = Files.createDirectories(work.resolve("exit-out"));
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put(PLAIN, null);
        variants.put(AGENT_NO_REPORT, "report=none");
        variants.put(AGENT_REPORT, "");
        ExitMemory r = new ExitMemory(new LinkedHashMap<>(), new LinkedHashMap<>(), new Sample(), new Sample(),
                new Sample());
        variants.keySet().forEach(v -> {
            r.peakKb().put(v, new Sample());
            r.wall().put(v, new Sample());
        });
        List<String> order = new ArrayList<>(variants.keySet());
        for (int round = 0; round <= runs; round++) {
            progress.line("100k virtual threads, round " + round + "/" + runs + (round == 0 ? " (warm-up)" : ""));
            for (String v : order) {
                List<String> args = new ArrayList<>();
                if (variants.get(v) != null) {
                    args.add(StartupBench.agentArg(out, variants.get(v).isEmpty() ? null : variants.get(v)));
                }
                args.addAll(List.of("-cp", Locations.benchClassPath().toString(), VirtualLocks.class.getName()));
                long t0 = System.nanoTime();
                long[] peaks = {0, 0};
                // per child its last reading: a child read before its exec shows the parent's pages
                Map<Long, Long> children = new LinkedHashMap<>();
                try (Child app = Child.java(work, "vlocks", args)) {
                    while (app.isAlive()) {
                        peaks[0] = Math.max(peaks[0], Child.statusKb(app.pid(), "VmHWM"));
                        app.handle().children().forEach(c -> {
                            long kb = Child.statusKb(c.pid(), "VmHWM");
                            if (kb > 0) {
                                children.put(c.pid(), kb);
                            }
                        });
                        Thread.sleep(10);
                    }
                    for (long kb : children.values()) {
                        peaks[1] = Math.max(peaks[1], kb);
                    }
                    if (app.awaitExit(10) != 0) {
                        throw new IllegalStateException("VirtualLocks failed");
                    }
                }
                if (round > 0) {
                    r.peakKb().get(v).add(peaks[0]);
                    r.wall().get(v).add((System.nanoTime() - t0) / 1e6);
                    if (v.equals(AGENT_REPORT)) {
                        r.childKb().add(peaks[1]);
                        // 1 when the report was written within its budget, 0 when it was skipped or failed
                        r.rendered().add(Files.readString(work.resolve("vlocks.err")).contains("[weft] report: ") ? 1 : 0);
                        try (var files = Files.list(out)) {
                            for (Path p : (Iterable<Path>) files::iterator) {
                                if (p.toString().endsWith(".jfr")) {
                                    r.jfrMb().add(Files.size(p) / 1048576.0);
                                }
                            }
                        }
                    }
                }
                Processes.clean(out);
            }
            Collections.rotate(order, 1);
        }
        return r;
    }

    /**
     * {@code watch} as {@code ./weft watch} runs it, with {@code -Xmx256m} unless {@code jvmOptions} give a heap:
     * given none, the command would watch in a child JVM of its own, and its CPU and RSS are the child's.
     */
    private Child watcher(long pid, List<String> jvmOptions, String... mode) throws IOException {
        List<String> args = new ArrayList<>(jvmOptions);
        if (args.stream().noneMatch(a -> a.startsWith("-Xmx"))) {
            args.add(0, "-Xmx256m");
        }
        args.addAll(List.of("-jar", Locations.agentJar().toString(), "watch", Long.toString(pid)));
        args.addAll(List.of(mode));
        return Child.java(work, "watch", args);
    }
}
