package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Goal 4: the demo's scenario 4 (10,000 virtual threads) without and with the agent, in turns.
 * The scenario times itself ("-- Scenario 4 took N ms"), which leaves out JVM and agent start-up
 * and the report at exit; the process wall time, which includes them, is recorded beside it.
 */
final class ScenarioBench {

    static final String PLAIN = "no agent";
    static final String AGENT = "agent, report=none";
    static final String AGENT_REPORT = "agent (HTML report at exit)";

    private static final Pattern TOOK = Pattern.compile("-- Scenario 4 took (\\d+) ms");

    /** Per variant: the scenario's own time, the whole process's wall and CPU time, in ms. */
    record Result(Map<String, Sample> scenario, Map<String, Sample> process, Map<String, Sample> cpu) { }

    private final Path work;
    private final Progress progress;

    ScenarioBench(Path work, Progress progress) {
        this.work = work;
        this.progress = progress;
    }

    Result run(int runs) throws IOException, InterruptedException {
        Path agentOut = Files.createDirectories(work.resolve("agent-out"));
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put(PLAIN, List.of());
        variants.put(AGENT, List.of(StartupBench.agentArg(agentOut, "report=none")));
        variants.put(AGENT_REPORT, List.of(StartupBench.agentArg(agentOut, null)));

        Map<String, Sample> scenario = Rounds.samples(variants.keySet());
        Map<String, Sample> process = Rounds.samples(variants.keySet());
        Map<String, Sample> cpu = Rounds.samples(variants.keySet());
        Rounds.run(progress, "scenario 4", runs, variants.keySet(), (v, counted) -> {
            List<String> args = new ArrayList<>(variants.get(v));
            args.addAll(List.of("-jar", Locations.demoJar().toString(), "--scenario=4"));
            Processes.Run r = Processes.java(work, args);
            Processes.clean(agentOut);
            if (counted) {
                scenario.get(v).add(scenarioMillis(r.stdout()));
                process.get(v).add(r.wallMillis());
                if (!Double.isNaN(r.cpuMillis())) {
                    cpu.get(v).add(r.cpuMillis());
                }
            }
        });
        return new Result(scenario, process, cpu);
    }

    static double scenarioMillis(String stdout) {
        Matcher m = TOOK.matcher(stdout);
        if (!m.find()) {
            throw new IllegalStateException("the demo did not print '-- Scenario 4 took N ms':\n" + stdout);
        }
        return Double.parseDouble(m.group(1));
    }
}
