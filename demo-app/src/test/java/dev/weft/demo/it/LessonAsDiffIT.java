package dev.weft.demo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.cli.Main;
import dev.weft.reports.testing.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's lesson as a diff, as the README shows it: scenario 1 (three workloads in sequence) and
 * scenario 2 (three at once) recorded by the agent, one run each, then {@code reports.jar diff}. The
 * work spins a core ({@code --work=cpu}), so it is work however the analysis counts waiting.
 */
@SuppressWarnings("unchecked")
class LessonAsDiffIT {

    private static Path dir;
    private static Path sequential;
    private static Path concurrent;

    @BeforeAll
    static void recordBothScenarios() throws Exception {
        dir = Files.createTempDirectory("weft-lesson-diff");
        sequential = record("1", "sequential");
        concurrent = record("2", "concurrent");
    }

    private static Path record(String scenario, String name) throws Exception {
        Path agent = Path.of(System.getProperty("weft.agent.jar")).toAbsolutePath();
        Path demo = Path.of(System.getProperty("weft.demo.jar")).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = dir.resolve(name);
        Process p = new ProcessBuilder(java, "-javaagent:" + agent + "=out=" + out + ",report=none", "-jar",
                demo.toString(), "--scenario=" + scenario, "--work=cpu")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "scenario " + scenario + " exits");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve(name + ".log")));
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.toString().endsWith(".jfr")).findFirst().orElseThrow();
        }
    }

    private static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSequentialRunAgainstTheConcurrentOne() {
        Map<String, Object> diff = object(Json.parse(run("diff", sequential.toString(), concurrent.toString(), "--json")));
        List<Object> phases = (List<Object>) diff.get("phases");
        assertEquals(1, phases.size(), phases.toString());
        Map<String, Object> phase = object(phases.get(0));
        assertEquals("order", phase.get("match"), "one phase each, named differently: paired in order");
        assertEquals("Scenario01Sequential.run \u2192 Scenario02Concurrent.run", phase.get("name"));
        Map<String, Object> before = object(phase.get("before"));
        Map<String, Object> after = object(phase.get("after"));
        assertTrue(number(before.get("speedUp")) < 1.3, "in sequence: " + before);
        // three at once give about 3, less the time a busy machine takes to start them (170 ms seen at load
        // 4 beside 300 ms of work); in sequence gives 1
        assertTrue(number(after.get("speedUp")) > 1.5, "three at once: " + after);
        Map<String, Object> ratios = object(phase.get("ratios"));
        assertTrue(number(ratios.get("wall")) < 0.75, "a third of the wall time, give or take: " + ratios);
        assertEquals(number(before.get("workMs")), number(after.get("workMs")), number(before.get("workMs")) * 0.5,
                "the same work either way");
        Map<String, Object> workers = ((List<Object>) diff.get("threads")).stream().map(LessonAsDiffIT::object)
                .filter(t -> "worker-N".equals(t.get("name"))).findFirst().orElseThrow();
        assertEquals(0.0, number(object(workers.get("before")).get("threads")));
        assertEquals(3.0, number(object(workers.get("after")).get("threads")));
    }

    @Test
    void theDiffPageIsWritten() throws Exception {
        Path html = dir.resolve("lesson-diff.html");
        assertEquals(html.toString(), run("diff", sequential.toString(), concurrent.toString(), "-o", html.toString()).strip());
        String page = Files.readString(html);
        assertTrue(page.contains("\"format\":\"weft-diff-page\"") && page.contains("Scenario02Concurrent"));
    }
}
