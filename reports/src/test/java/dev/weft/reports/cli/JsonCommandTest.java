package dev.weft.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.analyse.Phase;
import dev.weft.reports.analyse.WaitTotal;
import dev.weft.reports.testing.Json;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.DemoRecording;
import dev.weft.reports.testing.Scenarios;
import dev.weft.reports.testing.TestThreads;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("unchecked")
class JsonCommandTest {

    @RegisterExtension
    static final DemoRecording DEMO = new DemoRecording();
    static Map<String, Object> json;

    @BeforeAll
    static void record() throws Exception {
        Cli.Result r = Cli.run("json", DEMO.jfr().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        json = (Map<String, Object>) Json.parse(r.out());
    }

    private static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static double number(Object o) {
        return ((Double) o).doubleValue();
    }

    /** A phase row of the text summary: wall, work, speed-up, threads, waiting share. */
    private static final Pattern ROW = Pattern.compile(
            "(\\d+) +([\\d.]+) (ns|us|ms|s) +([\\d.]+) +([\\d.]+) +(\\d+)%");

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "ns" -> v / 1e6;
            case "us" -> v / 1e3;
            case "ms" -> v;
            default -> v * 1e3;
        };
    }

    private static Map<String, Object> thread(String name) {
        return list(json.get("perThread")).stream().map(JsonCommandTest::object)
                .filter(t -> name.equals(t.get("name"))).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void theHeaderNamesTheSchemaAndTheRecording() {
        assertEquals("weft-summary", json.get("schema"));
        assertEquals(2.0, json.get("schemaVersion"));
        Map<String, Object> source = object(json.get("source"));
        assertEquals("app.jfr", source.get("file"));
        assertEquals(Boolean.FALSE, source.get("partial"));
        assertEquals((double) DEMO.analysis().model().eventCount(), source.get("events"));
        Map<String, Object> recording = object(json.get("recording"));
        assertEquals(DEMO.analysis().model().duration() / 1e6, number(recording.get("durationMs")), 0.001);
        assertTrue(((String) recording.get("start")).endsWith("Z"), "an ISO-8601 instant");
        assertEquals(DEMO.analysis().model().start() / 1_000_000L, (long) number(recording.get("startEpochMs")));
        Map<String, Object> threads = object(json.get("threads"));
        assertEquals((double) DEMO.analysis().platformThreads(), threads.get("platform"));
        assertEquals(1.0, threads.get("virtual"));
    }

    @Test
    void phasesCarryWallWorkAndSpeedUp() {
        List<Object> phases = list(json.get("phases"));
        assertEquals(3, phases.size());
        for (int i = 0; i < phases.size(); i++) {
            Phase expected = DEMO.analysis().phases().get(i);
            Map<String, Object> p = object(phases.get(i));
            assertEquals(expected.name(), p.get("name"));
            assertEquals(expected.method(), p.get("method"));
            assertEquals(expected.wall() / 1e6, number(p.get("wallMs")), 0.001);
            assertEquals(expected.inFlightTime() / 1e6, number(p.get("inFlightMs")), 0.001);
            assertEquals(expected.inFlight(), number(p.get("inFlight")), 0.0001);
            assertEquals(expected.running(), number(p.get("running")), 0.0001);
            assertEquals(expected.blockedShare(), number(p.get("blockedShare")), 0.0001);
            assertEquals((double) expected.threads(), p.get("threads"));
        }
        Map<String, Object> concurrent = object(phases.get(1));
        assertEquals("Scenario02Concurrent.run", concurrent.get("name"));
        assertTrue(number(concurrent.get("inFlight")) > 2, "four workers at once: " + concurrent);
        assertTrue(number(object(concurrent.get("blockedByKind")).get("join")) > 0, "main joins the workers");
        assertTrue(number(object(phases.get(0)).get("inFlight")) < 1.2, "in sequence");
        assertEquals(3, list(json.get("phaseGroups")).size(), "three methods, one phase each");
    }

    @Test
    void perThreadBreakdownAddsUpToTheLifetime() {
        List<Object> perThread = list(json.get("perThread"));
        assertEquals((double) DEMO.analysis().model().threads().size(), json.get("perThreadTotal"));
        assertEquals(DEMO.analysis().model().threads().size(), perThread.size(), "every thread by default");
        assertEquals("main", object(perThread.get(0)).get("name"), "in timeline order");
        for (Object o : perThread) {
            Map<String, Object> t = object(o);
            double kinds = object(t.get("blockedByKindMs")).values().stream().mapToDouble(v -> (Double) v).sum();
            assertEquals(number(t.get("blockedMs")), kinds, 0.001 * 8, t.toString());
            assertEquals(number(t.get("totalMs")), number(t.get("runningMs")) + number(t.get("blockedMs"))
                    + number(t.get("idleMs")) + number(t.get("otherMs")), 0.005, t.toString());
        }
        Map<String, Object> worker = thread("worker-0");
        assertTrue(number(worker.get("runningMs")) >= Scenarios.TASK_MILLIS * 0.9, worker.toString());
        assertEquals(Boolean.FALSE, worker.get("virtual"));
        assertEquals(Boolean.FALSE, worker.get("system"));
        Map<String, Object> forgotten = thread("forgotten");
        assertEquals(Boolean.TRUE, forgotten.get("daemon"));
        assertEquals(Boolean.TRUE, forgotten.get("aliveAtExit"));
    }

    @Test
    void topKeepsTheBusiestThreads() {
        Cli.Result r = Cli.run("json", "--top", "2", DEMO.jfr().toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> top = (Map<String, Object>) Json.parse(r.out());
        List<Object> perThread = list(top.get("perThread"));
        assertEquals(2, perThread.size());
        assertEquals(json.get("perThreadTotal"), top.get("perThreadTotal"));
        double busiest = list(json.get("perThread")).stream().map(JsonCommandTest::object)
                .mapToDouble(t -> number(t.get("runningMs")) + number(t.get("blockedMs")) + number(t.get("idleMs")))
                .max().orElseThrow();
        Map<String, Object> first = object(perThread.get(0));
        assertEquals(busiest, number(first.get("runningMs")) + number(first.get("blockedMs"))
                + number(first.get("idleMs")), 0.003);
        Map<String, Object> second = object(perThread.get(1));
        // the order is by running + blocked + idle, as the busiest above
        assertTrue(number(second.get("runningMs")) + number(second.get("blockedMs")) + number(second.get("idleMs"))
                <= number(first.get("runningMs")) + number(first.get("blockedMs")) + number(first.get("idleMs")));
    }

    @Test
    void waitsWakesAliveAtExitAndAgentHealth() {
        Map<String, Object> waits = object(json.get("waitsByKind"));
        for (WaitTotal w : DEMO.analysis().waitTotals()) {
            if (w.count() == 0) {
                assertFalse(waits.containsKey(w.kind()), "only kinds the application waited on");
                continue;
            }
            Map<String, Object> kind = object(waits.get(w.kind()));
            assertEquals((double) w.count(), kind.get("count"), w.kind());
            assertEquals(w.time() / 1e6, number(kind.get("timeMs")), 0.001, w.kind());
        }
        assertEquals((double) Scenarios.WORKERS + 1, object(waits.get("join")).get("count"));
        assertEquals(1.0, object(waits.get("latch")).get("count"));

        Map<String, Object> wakes = object(json.get("wakeEdges"));
        assertEquals((double) DEMO.analysis().wakeEdges().size(), wakes.get("count"));
        assertTrue(number(wakes.get("count")) >= Scenarios.WORKERS, "main's joins end with each worker's end");
        assertEquals((double) DEMO.analysis().wakeEdges().matchedWaits(), wakes.get("matchedWaits"));
        assertEquals((double) DEMO.analysis().wakeEdges().eligibleWaits(), wakes.get("eligibleWaits"));
        assertEquals(number(wakes.get("matchedWaits")) / number(wakes.get("eligibleWaits")),
                number(wakes.get("matchedShare")), 0.0001);

        List<Object> alive = list(json.get("aliveAtExit"));
        assertEquals(1, alive.size());
        Map<String, Object> forgotten = object(alive.get(0));
        assertEquals("forgotten", forgotten.get("name"));
        assertEquals((double) DEMO.demo().forgottenId(), forgotten.get("id"));
        assertEquals(Boolean.TRUE, forgotten.get("daemon"));
        assertEquals("WAITING", forgotten.get("state"));
        assertTrue(((String) forgotten.get("activity")).contains("Forgotten.run"));

        Map<String, Object> agent = object(json.get("agent"));
        assertEquals(Boolean.TRUE, agent.get("present"));
        assertEquals("0.0-test", agent.get("version"));
        assertEquals(7.0, agent.get("instrumentedTypes"));
        assertEquals(1.0, agent.get("transformErrors"));
        assertEquals(Scenarios.FAILED_TYPES, agent.get("failedTypes"));
        assertEquals(2.0, agent.get("suppressedErrors"));
        assertEquals(Scenarios.FIRST_SUPPRESSED, agent.get("firstSuppressed"));
        assertEquals(Boolean.FALSE, agent.get("healthy"), "a type not instrumented is not healthy");
        assertEquals(42.0, agent.get("startupMs"));
        assertTrue(json.get("warnings") instanceof List);
    }

    @Test
    void theTextSummaryShowsTheSameNumbers() {
        Cli.Result r = Cli.run("summary", DEMO.jfr().toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> threads = object(json.get("threads"));
        assertTrue(r.out().contains(String.format(Locale.ROOT, "%d platform, %d virtual (+%d JDK-internal)",
                (long) number(threads.get("platform")), (long) number(threads.get("virtual")),
                (long) number(threads.get("system")))), r.out());
        for (Object o : list(json.get("phaseGroups"))) {
            Map<String, Object> p = object(o);
            String row = r.out().lines().filter(l -> l.contains((String) p.get("name"))).findFirst().orElseThrow();
            // both print the same analysis, rounded differently: compare the numbers, not the text
            Matcher m = ROW.matcher(row);
            assertTrue(m.find(), row);
            assertEquals(number(p.get("count")), Double.parseDouble(m.group(1)), row);
            assertEquals(number(p.get("wallMs")), millis(m.group(2), m.group(3)), number(p.get("wallMs")) * 0.01, row);
            assertEquals(number(p.get("inFlight")), Double.parseDouble(m.group(4)), 0.051, row);
            assertEquals(number(p.get("running")), Double.parseDouble(m.group(5)), 0.051, row);
            assertEquals(number(p.get("blockedShare")) * 100, Double.parseDouble(m.group(6)), 0.51, row);
        }
        for (Map.Entry<String, Object> e : object(json.get("waitsByKind")).entrySet()) {
            long count = (long) number(object(e.getValue()).get("count"));
            String row = r.out().lines().filter(l -> l.strip().startsWith(e.getKey() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(e.getKey() + " in " + r.out()));
            assertTrue(row.contains(String.format(Locale.ROOT, "%,d", count)), row);
        }
        assertTrue(r.out().contains("Alive at exit: " + list(json.get("aliveAtExit")).size() + " thread"));
    }

    @Test
    void writesToAFileWhenAsked() throws Exception {
        Path out = DEMO.resolve("out/summary.json");
        Cli.Result r = Cli.run("json", DEMO.jfr().toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(out.toString(), r.out().strip());
        Map<String, Object> fromFile = (Map<String, Object>) Json.parse(Files.readString(out));
        assertEquals(json.get("phases"), fromFile.get("phases"));
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file left behind");
        }
        Cli.Result dash = Cli.run("json", "-o", "-", DEMO.jfr().toString());
        assertEquals(0, dash.code(), dash.err());
        assertEquals(json.get("perThreadTotal"), ((Map<String, Object>) Json.parse(dash.out())).get("perThreadTotal"));
    }

    @Test
    void namesFromTheRecordingAreEscapedAndRoundTrip() throws Exception {
        // the JVM records thread names without non-BMP characters (they become U+FFFD): those go in the method
        String name = "a\"b\\c\nd\t</script><img src=x onerror=alert(1)>\u2028 caf\u00e9";
        String method = "x.Y::<clinit>\"' \uD83E\uDDF5";
        Path jfr = Recordings.record(DEMO.resolve("hostile.jfr"), true, () -> {
            Thread t = TestThreads.named(name, () -> WeftEvents.workload(method, () -> Scenarios.spin(5)));
            t.start();
            t.join();
        });
        Cli.Result r = Cli.run("json", jfr.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("</script>"), "no raw markup");
        assertEquals(2, r.out().split("\n", -1).length, "one line and the final newline: no raw line breaks");
        Map<String, Object> hostile = (Map<String, Object>) Json.parse(r.out());
        List<String> names = list(hostile.get("perThread")).stream().map(t -> (String) object(t).get("name"))
                .toList();
        assertTrue(names.contains(name), names.toString());
        assertEquals(method, object(list(hostile.get("phases")).get(0)).get("method"));
        Map<String, Object> agent = object(hostile.get("agent"));
        assertEquals(Boolean.TRUE, agent.get("present"));
        assertNull(agent.get("version"), "no weft.AgentStatus in this recording");
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        for (String[] args : new String[][] {
                {"json"}, {"json", "--top", "0", "a.jfr"}, {"json", "--top", "x", "a.jfr"}, {"json", "--top"},
                {"json", "--top", "2", "--top=3", "a.jfr"}, {"json", "--all-threads", "a.jfr"},
                {"json", "a.jfr", "b.jfr"}, {"json", "a.jfr", "-o", "a.jfr"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(2, r.errLines().length, r.err());
            assertTrue(r.errLines()[1].contains("json <file.jfr>"), r.err());
        }
        Cli.Result help = Cli.run("json", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("schemaVersion 2"), help.out());
        assertTrue(help.out().contains("perThread[]"));
    }
}
