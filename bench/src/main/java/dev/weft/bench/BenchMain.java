package dev.weft.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./weft bench}: runs the benchmarks of the four goals, each against a baseline measured
 * in the same run, and prints one table (also written to {@code results.md} beside the JMH logs).
 */
public final class BenchMain {

    static final String USAGE = """
            Usage: ./weft bench [calls] [spans] [startup] [scenario] [live] [latency] [watch-heap] [exit-rss] [options]
                   ./weft bench jmh [JMH options]     (JMH's own command line, e.g. -l, -h)

            Without a group name every group runs (about 10 minutes on 2 cores).
              calls     goal 1: added cost of instrumented calls that do not block (JMH, -prof gc)
              spans     goal 2: cost of one recorded wait span (JMH)
              startup   goal 3: start-up of a trivial main, agent vs a plain JFR recording
              scenario  goal 4: demo scenario 4 (10,000 virtual threads) without and with the agent
              live        (named only) a loopback server's throughput recorded vs recorded and watched
              latency     (named only) the delay from an event to the live page's data
              watch-heap  (named only) the watcher's heap and RSS over a watch of --minutes (default 10)
              exit-rss    (named only) peak RSS of 100,000 virtual threads taking locks, without and with
                          the agent, and of the child JVM that renders its exit report

            Options:
              --quick       short JMH iterations, 3 process runs: a smoke test, not a measurement
              --rounds=N    JMH forks per variant, interleaved (default 2)
              --runs=N      process runs per variant for startup and scenario (default 10)
              --out=DIR     where the JMH logs and results.md go (default weft-out/bench-TIME)
              --baseline-agent=JAR
                            startup: also time this (older) agent.jar, e.g. main's build, against
                            the one under test, each with a warm weaving cache of its own
              --jdk=HOME    the JDK that startup and scenario run the app on (default: this one;
                            startup also runs on 17, scenario needs 21+)
              --minutes=N   how long watch-heap watches (default 10)
            """;

    private static final String NO_AGENT = "no agent";
    private static final String WITH_AGENT = "agent";

    private BenchMain() { }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Set<String> groups = new LinkedHashSet<>();
        boolean quick = false;
        Integer rounds = null;
        Integer runs = null;
        int minutes = 10;
        Path out = null;
        Path baselineAgent = null;
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("help")) {
                System.out.print(USAGE);
                return;
            } else if (a.equals("--quick")) {
                quick = true;
            } else if (a.startsWith("--rounds=")) {
                rounds = positive(a);
            } else if (a.startsWith("--runs=")) {
                runs = positive(a);
            } else if (a.startsWith("--jdk=")) {
                System.setProperty(Locations.JDK_PROPERTY, a.substring("--jdk=".length()));
            } else if (a.startsWith("--out=")) {
                out = Path.of(a.substring("--out=".length()));
            } else if (a.startsWith("--baseline-agent=")) {
                baselineAgent = Path.of(a.substring("--baseline-agent=".length())).toAbsolutePath();
                if (!Files.isRegularFile(baselineAgent)) {
                    System.err.println("bench: no such agent jar: " + baselineAgent);
                    System.exit(2);
                }
            } else if (a.startsWith("--minutes=")) {
                minutes = positive(a);
            } else if (List.of("calls", "spans", "startup", "scenario", "live", "latency", "watch-heap", "exit-rss").contains(a)) {
                groups.add(a);
            } else {
                System.err.println("bench: unknown argument '" + a + "'\n" + USAGE);
                System.exit(2);
            }
        }
        if (groups.isEmpty()) {
            groups.addAll(List.of("calls", "spans", "startup", "scenario"));
        }
        JmhPairs.Settings settings = quick ? JmhPairs.Settings.QUICK : JmhPairs.Settings.STANDARD;
        if (rounds != null) {
            settings = settings.withRounds(rounds);
        }
        int processRuns = runs != null ? runs : quick ? 3 : 10;
        if (out == null) {
            out = Path.of("weft-out", "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        Files.createDirectories(out);
        out = out.toAbsolutePath();

        Progress progress = new Progress();
        String before = machine();
        progress.line("agent: " + Locations.agentJar() + "; results in " + out);
        Table table = new Table();
        Path agentOut = Files.createDirectories(out.resolve("agent-out"));
        JmhPairs jmh = new JmhPairs(settings, out, progress);
        List<JmhPairs.Fork> pair = List.of(
                new JmhPairs.Fork(NO_AGENT, List.of()),
                new JmhPairs.Fork(WITH_AGENT, List.of(StartupBench.agentArg(agentOut, "report=none"))));
        StartupBench startup = new StartupBench(out, progress, baselineAgent);

        if (groups.contains("calls")) {
            Set<String> instrumented = startup.instrumentedClasses();
            calls(table, jmh.run(NonBlockingCalls.class, pair), instrumented);
        }
        if (groups.contains("spans")) {
            spans(table, jmh.run(SpanRecording.class, List.of(new JmhPairs.Fork(NO_AGENT, List.of()))),
                    jmh.run(RecordedCalls.class, pair));
        }
        if (groups.contains("startup")) {
            // with a baseline, as many verbose runs as timed ones: its instrumentation phase is compared too
            startup(table, startup.run(processRuns, quick ? 1 : baselineAgent != null ? processRuns : 3));
        }
        if (groups.contains("scenario")) {
            scenario(table, new ScenarioBench(out, progress).run(processRuns));
        }
        LiveBench live = new LiveBench(out, progress);
        if (groups.contains("live")) {
            LiveRows.throughput(table, live.throughput(quick ? 1 : Math.min(processRuns, 5), quick ? 5 : 15));
        }
        if (groups.contains("latency")) {
            LiveRows.latency(table, live.latency(quick ? 3 : 30));
        }
        if (groups.contains("watch-heap")) {
            LiveRows.heap(table, live.heap(quick ? 1 : minutes));
        }
        if (groups.contains("exit-rss")) {
            LiveRows.exitReport(table, live.exitReport(quick ? 1 : Math.min(processRuns, 5)));
        }
        Processes.clean(agentOut);

        String report = "Weft benchmarks, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + (quick ? " (--quick: a smoke test, not a measurement)" : "") + "\n"
                + "before: " + before + "\nafter:  " + machine() + "\n\n" + table.render();
        System.out.println();
        System.out.print(report);
        Files.writeString(out.resolve("results.md"), report, StandardCharsets.UTF_8);
        progress.line("written " + out.resolve("results.md"));
    }

    private static int positive(String arg) {
        try {
            int n = Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("bench: " + arg + " needs a positive whole number");
        System.exit(2);
        return 0;
    }

    /** Noise is the first thing to judge a figure by: the JDK, the cores and the load around the run. */
    static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String forked = System.getProperty(Locations.JDK_PROPERTY);
        return "JDK " + Runtime.version() + (forked == null ? "" : " (processes: " + forked + ")") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + (load < 0 ? "unknown" : String.format("%.2f", load));
    }

    // ---- goal 1

    private static final Map<String, String[]> CALLS = Map.of(
            "latchAwaitOpen", new String[] {"CountDownLatch(0).await()", "java.util.concurrent.CountDownLatch"},
            "completedFutureGet", new String[] {"completedFuture(x).get()", "java.util.concurrent.CompletableFuture"},
            "completedFutureJoin", new String[] {"completedFuture(x).join()", "java.util.concurrent.CompletableFuture"},
            "futureTaskGetDone", new String[] {"FutureTask done → get()", "java.util.concurrent.FutureTask"},
            "threadJoinFinished", new String[] {"finished Thread.join()", "java.lang.Thread"},
            "semaphoreAcquireFree", new String[] {"Semaphore free acquire()+release()", "java.util.concurrent.Semaphore"},
            "queuePutTake", new String[] {"ArrayBlockingQueue put()+take(), no wait", "java.util.concurrent.ArrayBlockingQueue"},
            "phaserAwaitPassedPhase", new String[] {"Phaser.awaitAdvance(passed phase)", "java.util.concurrent.Phaser"});

    static void calls(Table table, Map<String, Map<String, JmhPairs.Score>> scores, Set<String> instrumented) {
        boolean someNot = false;
        for (Map.Entry<String, Map<String, JmhPairs.Score>> e : scores.entrySet()) {
            String[] call = CALLS.getOrDefault(e.getKey(), new String[] {e.getKey(), ""});
            JmhPairs.Score base = e.getValue().get(NO_AGENT);
            JmhPairs.Score agent = e.getValue().get(WITH_AGENT);
            double diff = agent.nanos() - base.nanos();
            double err = Math.hypot(agent.error(), base.error());
            String met = Table.verdict(diff, err, 10);
            if (!(agent.bytesPerOp() < 0.5)) {
                met = "no (allocates)";
            }
            if (!instrumented.contains(call[1])) {
                met += " †";
                someNot = true;
            }
            table.row("1. " + call[0], nanosAndBytes(base), nanosAndBytes(agent), signed(diff, err, "ns"),
                    "≤ 10 ns, 0 B/op", met);
        }
        if (someNot) {
            table.note("† this agent.jar does not instrument the class (its verbose output does not name it): "
                    + "the row measures nothing added yet, only the baseline.");
        }
        table.note("Goal 1: JMH average time per call, mean ± 99.9 % error over every measured iteration of every fork; "
                + "B = heap bytes per call (-prof gc, gc.alloc.rate.norm). Forks without and with -javaagent, interleaved.");
    }

    // ---- goal 2

    private static final Map<String, String> RECORDED = Map.of(
            "latchAwaitZeroTimeout", "latch (count 1).await(0 ns): recorded, no park",
            "parkWithPermit", "unpark(self) + park(blocker): recorded, no wait",
            "sleepZero", "Thread.sleep(0) (a yield): recorded",
            "startVirtualThread", "start a virtual thread: weft.ThreadStart + JDK events");

    static void spans(Table table, Map<String, Map<String, JmhPairs.Score>> direct,
                      Map<String, Map<String, JmhPairs.Score>> endToEnd) {
        JmhPairs.Score off = direct.get("waitSpan[recorder=off]").get(NO_AGENT);
        JmhPairs.Score on = direct.get("waitSpan[recorder=on]").get(NO_AGENT);
        double diff = on.nanos() - off.nanos();
        double err = Math.hypot(on.error(), off.error());
        table.row("2. Waits.begin+end, one span recorded (recorder off → on)", nanosAndBytes(off), nanosAndBytes(on),
                signed(diff, err, "ns"), "≤ 150 ns", Table.verdict(diff, err, 150));
        JmhPairs.Score floor = direct.get("jfrEventOnly").get(NO_AGENT);
        table.row("   JFR floor: a WaitEvent begin/end/commit alone", "—", nanosAndBytes(floor), "", "", "(info)");
        for (Map.Entry<String, Map<String, JmhPairs.Score>> e : endToEnd.entrySet()) {
            JmhPairs.Score base = e.getValue().get(NO_AGENT);
            JmhPairs.Score agent = e.getValue().get(WITH_AGENT);
            double d = agent.nanos() - base.nanos();
            double de = Math.hypot(agent.error(), base.error());
            table.row("2. " + RECORDED.getOrDefault(e.getKey(), e.getKey()), nanosAndBytes(base), nanosAndBytes(agent),
                    signed(d, de, "ns"), "≤ 150 ns", Table.verdict(d, de, 150));
        }
        table.note("Goal 2: the first row calls the bridge directly in a JVM without the agent, where a JFR recording has "
                + "weft.Wait on at threshold 0; the others are the instrumented JDK calls in forks without and with "
                + "-javaagent (the agent's recording capped at " + (RecordedCalls.MAX_RECORDING_BYTES >> 20)
                + " MB so millions of spans do not fill the disk).");
    }

    // ---- goal 3

    static void startup(Table table, StartupBench.Result r) {
        Sample plain = r.wall().get(StartupBench.PLAIN);
        Sample jfr = r.wall().get(StartupBench.JFR);
        Sample agent = r.wall().get(StartupBench.AGENT);
        Sample agentReport = r.wall().get(StartupBench.AGENT_REPORT);
        double diff = agent.median() - jfr.median();
        table.row("3. start-up, trivial main: agent (report=none) vs JFR only", jfr.describe("ms"), agent.describe("ms"),
                String.format("%+.0f ms", diff), "≤ 250 ms", diff <= 250 ? "yes" : "no");
        table.row("   same, agent with its HTML report at exit", jfr.describe("ms"), agentReport.describe("ms"),
                String.format("%+.0f ms", agentReport.median() - jfr.median()), "", "(info)");
        table.row("   JFR only vs plain JVM", plain.describe("ms"), jfr.describe("ms"),
                String.format("%+.0f ms", jfr.median() - plain.median()), "", "(info)");
        Sample jfrCpu = r.cpu().get(StartupBench.JFR);
        Sample agentCpu = r.cpu().get(StartupBench.AGENT);
        if (jfrCpu.size() > 0 && agentCpu.size() > 0) {
            table.row("   CPU time (user+sys): agent (report=none) vs JFR only", jfrCpu.describe("ms"),
                    agentCpu.describe("ms"), String.format("%+.0f ms", agentCpu.median() - jfrCpu.median()), "",
                    "(info)");
        }
        Sample baseline = r.wall().get(StartupBench.BASELINE);
        if (baseline != null) {
            Sample baselineCpu = r.cpu().get(StartupBench.BASELINE);
            table.row("   agent vs the baseline agent (--baseline-agent), both report=none, warm caches",
                    baseline.describe("ms"), agent.describe("ms"), String.format("%+.0f ms", agent.median() - baseline.median()),
                    "", "(info)");
            if (baselineCpu.size() > 0 && agentCpu.size() > 0) {
                table.row("   same, CPU time (user+sys)", baselineCpu.describe("ms"), agentCpu.describe("ms"),
                        String.format("%+.0f ms", agentCpu.median() - baselineCpu.median()), "", "(info)");
            }
            Sample before = r.baselineParts().get("instrumentation");
            Sample after = r.parts().get("instrumentation");
            if (before != null && after != null) {
                table.row("   same, the agent's instrumentation phase (verbose), where the weaving cache works",
                        before.describe("ms"), after.describe("ms"),
                        String.format("%+.0f ms", after.median() - before.median()), "", "(info)");
            }
            Sample baselineMisses = r.baselineParts().get(StartupBench.CACHE_MISSES);
            if (baselineMisses != null) {
                table.note("Baseline agent's weaving cache misses per warm start (verbose runs): median "
                        + String.format("%.0f", baselineMisses.median()) + ", max " + String.format("%.0f", baselineMisses.max())
                        + "; a miss loads Byte Buddy.");
            }
        }
        StringBuilder parts = new StringBuilder("Agent's own start-up (verbose=true, median of " + r.verboseLines().size()
                + " runs):");
        r.parts().forEach((name, s) -> parts.append(' ').append(name).append(' ').append(String.format("%.0f", s.median()))
                .append(name.equals(StartupBench.CACHE_MISSES) ? "," : " ms,"));
        table.note(r.parts().isEmpty() ? "Agent's own start-up lines: " + r.verboseLines()
                : parts.substring(0, parts.length() - 1) + ".");
        table.note("Goal 3: whole-process wall time, median (min–max) of " + jfr.size()
                + " interleaved runs per variant after one warm-up round. CPU time (Linux only) barely moves with "
                + "the load of other work on the machine: where wall times scatter, trust its difference more.");
    }

    // ---- goal 4

    static void scenario(Table table, ScenarioBench.Result r) {
        Sample plain = r.scenario().get(ScenarioBench.PLAIN);
        for (String v : List.of(ScenarioBench.AGENT, ScenarioBench.AGENT_REPORT)) {
            Sample agent = r.scenario().get(v);
            double ratio = agent.median() / plain.median();
            table.row("4. scenario 4 (10,000 virtual threads), its own time: " + v, plain.describe("ms"),
                    agent.describe("ms"), String.format("%+.0f ms (%+.1f %%)", agent.median() - plain.median(),
                            (ratio - 1) * 100), "≤ +5 %", ratio <= 1.05 ? "yes" : "no");
        }
        Sample plainProcess = r.process().get(ScenarioBench.PLAIN);
        for (String v : List.of(ScenarioBench.AGENT, ScenarioBench.AGENT_REPORT)) {
            Sample agent = r.process().get(v);
            table.row("   whole process: " + v, plainProcess.describe("ms"), agent.describe("ms"),
                    String.format("%+.0f ms (×%.2f)", agent.median() - plainProcess.median(),
                            agent.median() / plainProcess.median()), "", "(info)");
        }
        Sample plainCpu = r.cpu().get(ScenarioBench.PLAIN);
        Sample agentCpu = r.cpu().get(ScenarioBench.AGENT);
        if (plainCpu.size() > 0 && agentCpu.size() > 0) {
            table.row("   whole process CPU (user+sys): " + ScenarioBench.AGENT, plainCpu.describe("ms"),
                    agentCpu.describe("ms"), String.format("%+.0f ms (×%.2f)", agentCpu.median() - plainCpu.median(),
                            agentCpu.median() / plainCpu.median()), "", "(info)");
        }
        table.note("Goal 4: the scenario's own '-- Scenario 4 took N ms' and the process wall time, median (min–max) of "
                + plain.size() + " interleaved runs per variant after one warm-up round.");
    }

    private static String nanosAndBytes(JmhPairs.Score s) {
        String bytes = Double.isNaN(s.bytesPerOp()) ? "" : String.format(", %.0f B", Math.max(0, s.bytesPerOp()));
        return String.format("%.1f ± %.1f ns%s", s.nanos(), s.error(), bytes);
    }

    private static String signed(double value, double error, String unit) {
        return String.format("%+.1f ± %.1f %s", value, error, unit);
    }
}
