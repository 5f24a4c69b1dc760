package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Goal 3: what the agent adds to a JVM's start-up. A trivial main runs in turns, plain, with a
 * JFR recording from the command line, and with the agent (with and without its HTML report at
 * exit, and optionally an older agent.jar to compare with); the turns rotate so that no variant
 * always runs first after a pause. Each agent jar has a weaving cache of its own in the work
 * directory, filled by the warm-up round, so every counted agent run starts warm. The agent's own
 * account of its start-up, the weaving cache's share included (keys, reading and verifying the
 * entries' MACs), comes from extra runs with {@code verbose=true}.
 */
final class StartupBench {

    static final String PLAIN = "plain JVM";
    static final String JFR = "JFR only (-XX:StartFlightRecording)";
    static final String AGENT = "agent, report=none";
    static final String AGENT_REPORT = "agent (HTML report at exit)";
    static final String BASELINE = "baseline agent (--baseline-agent), report=none";
    /** The verbose parts that are counts, not times. */
    static final String CACHE_MISSES = "cache misses";

    private static final Pattern BREAKDOWN =
            Pattern.compile("start-up (\\d+) ms: bridge (\\d+), recording (\\d+), instrumentation (\\d+)");
    private static final Pattern INSTRUMENTED = Pattern.compile("\\[weft\\] instrumented (\\S+)");
    private static final Pattern MISSES = Pattern.compile("weaving cache \\d+ hits, (\\d+) misses");
    private static final Pattern CACHE =
            Pattern.compile("weaving cache \\d+ hits, (\\d+) misses \\(keys (\\d+) ms, reads and checks (\\d+) ms, "
                    + "opened in (\\d+) ms");

    /**
     * Wall and CPU time per variant, in ms; the agent's own start-up parts, in ms, and the baseline
     * agent's (empty without one); the agent's verbose lines.
     */
    record Result(Map<String, Sample> wall, Map<String, Sample> cpu, Map<String, Sample> parts,
                  Map<String, Sample> baselineParts, List<String> verboseLines) { }

    private final Path work;
    private final Progress progress;
    private final Path baselineAgent;

    /** @param baselineAgent an older agent.jar to compare with, or null */
    StartupBench(Path work, Progress progress, Path baselineAgent) {
        this.work = work;
        this.progress = progress;
        this.baselineAgent = baselineAgent;
    }

    Result run(int runs, int verboseRuns) throws IOException, InterruptedException {
        Path agentOut = Files.createDirectories(work.resolve("agent-out"));
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put(PLAIN, List.of());
        variants.put(JFR, List.of("-XX:StartFlightRecording:filename=" + work.resolve("jfr-only.jfr")));
        String cache = "cache=" + work.resolve("weaving-cache");
        variants.put(AGENT, List.of(agentArg(agentOut, "report=none," + cache)));
        variants.put(AGENT_REPORT, List.of(agentArg(agentOut, cache)));
        if (baselineAgent != null) {
            variants.put(BASELINE, List.of("-javaagent:" + baselineAgent + "=out=" + agentOut + ",report=none,cache="
                    + work.resolve("baseline-weaving-cache")));
        }

        Map<String, Sample> wall = Rounds.samples(variants.keySet());
        Map<String, Sample> cpu = Rounds.samples(variants.keySet());
        Rounds.run(progress, "start-up", runs, variants.keySet(), (v, counted) -> {
            Processes.Run r = trivial(variants.get(v));
            Processes.clean(agentOut);
            if (counted) {
                wall.get(v).add(r.wallMillis());
                if (!Double.isNaN(r.cpuMillis())) {
                    cpu.get(v).add(r.cpuMillis());
                }
            }
        });

        Map<String, Sample> parts = new LinkedHashMap<>();
        Map<String, Sample> baselineParts = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        progress.line("start-up, " + verboseRuns + " runs with verbose=true for the agent's own breakdown"
                + (baselineAgent == null ? "" : ", each followed by one of the baseline agent"));
        for (int i = 0; i < verboseRuns; i++) {
            verbose(List.of(agentArg(agentOut, "report=none,verbose=true," + cache)), parts, lines);
            if (baselineAgent != null) {
                verbose(List.of("-javaagent:" + baselineAgent + "=out=" + agentOut + ",report=none,verbose=true,cache="
                        + work.resolve("baseline-weaving-cache")), baselineParts, new ArrayList<>());
            }
        }
        return new Result(wall, cpu, parts, baselineParts, lines);
    }

    /** One verbose run: its start-up parts into {@code parts}, its start-up line into {@code lines}. */
    private void verbose(List<String> agent, Map<String, Sample> parts, List<String> lines)
            throws IOException, InterruptedException {
        Processes.Run r = trivial(agent);
        Processes.clean(work.resolve("agent-out"));
        for (String line : r.stderr().lines().toList()) {
            Matcher m = BREAKDOWN.matcher(line);
            if (m.find()) {
                lines.add(line);
                String[] names = {"total", "bridge", "recording", "instrumentation"};
                for (int g = 0; g < names.length; g++) {
                    parts.computeIfAbsent(names[g], k -> new Sample()).add(Double.parseDouble(m.group(g + 1)));
                }
                Matcher misses = MISSES.matcher(line);
                if (misses.find()) {
                    parts.computeIfAbsent(CACHE_MISSES, k -> new Sample()).add(Double.parseDouble(misses.group(1)));
                }
                Matcher c = CACHE.matcher(line);
                if (c.find()) {
                    String[] cacheParts = {"cache keys", "cache reads and MAC checks",
                        "cache opening (on its own thread, beside the recording's start)"};
                    for (int g = 0; g < cacheParts.length; g++) {
                        parts.computeIfAbsent(cacheParts[g], k -> new Sample()).add(Double.parseDouble(c.group(g + 2)));
                    }
                }
            } else if (line.contains("start-up")) {
                lines.add(line); // a format this parser does not know: shown as it is
            }
        }
    }

    /** The JDK classes a verbose agent says it instrumented, once the call benchmarks' classes are loaded. */
    Set<String> instrumentedClasses() throws IOException, InterruptedException {
        Path agentOut = Files.createDirectories(work.resolve("agent-out"));
        Processes.Run r = Processes.java(work, List.of(agentArg(agentOut, "report=none,verbose=true"),
                "-cp", Locations.benchClassPath().toString(), LoadWaitClasses.class.getName()));
        Processes.clean(agentOut);
        Set<String> names = new LinkedHashSet<>();
        for (String line : r.stderr().lines().toList()) {
            Matcher m = INSTRUMENTED.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static String agentArg(Path out, String more) {
        return "-javaagent:" + Locations.agentJar() + "=out=" + out + (more == null ? "" : "," + more);
    }

    private Processes.Run trivial(List<String> jvmArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-cp");
        args.add(Locations.benchClassPath().toString());
        args.add(Trivial.class.getName());
        return Processes.java(work, args);
    }
}
