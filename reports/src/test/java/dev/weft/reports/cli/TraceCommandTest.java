package dev.weft.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.analyse.WakeEdges;
import dev.weft.reports.model.Model;
import dev.weft.reports.testing.Json;
import dev.weft.reports.testing.DemoRecording;
import dev.weft.reports.testing.Scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("unchecked")
class TraceCommandTest {

    @RegisterExtension
    static final DemoRecording DEMO = new DemoRecording();
    static Map<String, Object> trace;
    static List<Map<String, Object>> events;

    @BeforeAll
    static void record() throws Exception {
        Cli.Result r = Cli.run("trace", DEMO.jfr().toString());
        assertEquals(0, r.code(), r.err());
        Path file = DEMO.resolve("app.trace.json");
        assertEquals(file.toString(), r.out().strip(), "written next to the recording by default");
        trace = (Map<String, Object>) Json.parse(Files.readString(file));
        events = ((List<Object>) trace.get("traceEvents")).stream().map(e -> (Map<String, Object>) e).toList();
    }

    private static long tid(Map<String, Object> e) {
        return ((Double) e.get("tid")).longValue();
    }

    private static double num(Map<String, Object> e, String field) {
        return (Double) e.get(field);
    }

    private static List<Map<String, Object>> phase(String ph) {
        return events.stream().filter(e -> ph.equals(e.get("ph"))).toList();
    }

    private static Map<String, Object> args(Map<String, Object> e) {
        return (Map<String, Object>) e.get("args");
    }

    @Test
    void isTraceEventFormatWithNamedThreads() {
        assertEquals("ms", trace.get("displayTimeUnit"));
        for (Map<String, Object> e : events) {
            assertEquals(1.0, e.get("pid"), e.toString());
            assertNotNull(e.get("tid"), e.toString());
            assertTrue(List.of("M", "X", "i", "s", "f").contains(e.get("ph")), e.toString());
        }
        Map<Long, String> names = phase("M").stream().filter(e -> "thread_name".equals(e.get("name")))
                .collect(Collectors.toMap(TraceCommandTest::tid, e -> (String) args(e).get("name")));
        assertEquals("main", names.get(DEMO.demo().mainId()));
        for (int i = 0; i < DEMO.demo().workerIds().size(); i++) {
            assertEquals("worker-" + i, names.get(DEMO.demo().workerIds().get(i)), "tid is the Java thread id");
        }
        assertEquals("forgotten", names.get(DEMO.demo().forgottenId()));
        assertTrue(phase("M").stream().anyMatch(e -> "process_name".equals(e.get("name"))
                && ((String) args(e).get("name")).contains("app.jfr")));
        long app = DEMO.analysis().platformThreads() + DEMO.analysis().virtualThreads();
        assertEquals(app, names.size(), "application threads only by default");
    }

    @Test
    void spansAreCompleteEventsInMicrosecondsFromTheStart() {
        double duration = DEMO.analysis().model().duration() / 1e3;
        for (Map<String, Object> x : phase("X")) {
            assertTrue(num(x, "ts") >= 0 && num(x, "ts") <= duration + 0.001, x.toString());
            assertTrue(num(x, "dur") >= 0 && num(x, "ts") + num(x, "dur") <= duration + 0.001, x.toString());
        }
        Map<String, Object> concurrent = phase("X").stream()
                .filter(x -> "Scenario02Concurrent.run".equals(x.get("name"))).findFirst().orElseThrow();
        assertEquals("workload", concurrent.get("cat"));
        assertEquals(DEMO.demo().mainId(), tid(concurrent));
        assertEquals(Scenarios.CONCURRENT, args(concurrent).get("method"));
        assertEquals(DEMO.analysis().phases().get(1).wall() / 1e3, num(concurrent, "dur"), 0.001);
        assertEquals((DEMO.analysis().phases().get(1).start() - DEMO.analysis().model().start()) / 1e3,
                num(concurrent, "ts"), 0.001);

        List<Map<String, Object>> joins = phase("X").stream().filter(x -> "join".equals(x.get("cat"))).toList();
        assertEquals(Scenarios.WORKERS + 1, joins.size());
        Map<String, Object> join = joins.get(0);
        assertEquals("join Thread.join", join.get("name"));
        assertEquals("worker-0", args(join).get("target"));
        assertEquals("java.lang.Thread", args(join).get("blocker"));
        assertEquals("agent", args(join).get("source"));
        assertEquals("worker-0", args(join).get("wokenBy"), "the joined thread's end ended the join");

        Map<String, Object> latch = phase("X").stream().filter(x -> "latch".equals(x.get("cat"))).findFirst()
                .orElseThrow();
        assertEquals(DEMO.demo().mergerId(), tid(latch));
        assertEquals("latch CountDownLatch.await", latch.get("name"));
    }

    @Test
    void threadStartEndAndAliveAtExitAreInstants() {
        List<Map<String, Object>> instants = phase("i");
        for (Map<String, Object> i : instants) {
            assertEquals("t", i.get("s"), "thread-scoped");
        }
        for (long worker : DEMO.demo().workerIds()) {
            Map<String, Object> start = instants.stream().filter(i -> tid(i) == worker
                    && "thread start".equals(i.get("name"))).findFirst().orElseThrow();
            assertEquals("main", args(start).get("parent"));
            assertTrue(instants.stream().anyMatch(i -> tid(i) == worker && "thread end".equals(i.get("name"))));
        }
        Map<String, Object> alive = instants.stream().filter(i -> "alive at exit".equals(i.get("name")))
                .findFirst().orElseThrow();
        assertEquals(DEMO.demo().forgottenId(), tid(alive));
        assertEquals("WAITING", args(alive).get("state"));
    }

    @Test
    void everyWakeEdgeIsAFlowFromWakerToWokenBoundToAnAnchor() {
        WakeEdges edges = DEMO.analysis().wakeEdges();
        Model model = DEMO.analysis().model();
        List<Map<String, Object>> starts = phase("s");
        List<Map<String, Object>> ends = phase("f");
        long shownEdges = 0;
        for (int e = 0; e < edges.size(); e++) {
            if (!model.threads().get(edges.waker(e)).isSystem() && !model.threads().get(edges.woken(e)).isSystem()) {
                shownEdges++;
            }
        }
        assertTrue(shownEdges >= Scenarios.WORKERS, "the joins of main at least");
        assertEquals(shownEdges, starts.size());
        assertEquals(shownEdges, ends.size());
        Map<Double, Map<String, Object>> endById = new HashMap<>();
        for (Map<String, Object> f : ends) {
            assertEquals("e", f.get("bp"), "binds to the enclosing slice: its anchor");
            assertTrue(endById.put((Double) f.get("id"), f) == null, "ids are unique");
        }
        for (Map<String, Object> s : starts) {
            int e = ((Double) s.get("id")).intValue();
            Map<String, Object> f = endById.get(s.get("id"));
            assertNotNull(f, "each start has its end: " + s);
            assertEquals(model.threads().get(edges.waker(e)).id(), tid(s));
            assertEquals(model.threads().get(edges.woken(e)).id(), tid(f));
            assertTrue(num(f, "ts") >= num(s, "ts"), "the arrow points forward in time");
            assertEquals("wake", s.get("cat"));
            assertEquals("wake", f.get("cat"));
        }
        // a flow event binds to the slice with its ts, tid and cat: the anchor written just before it
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> e = events.get(i);
            if ("s".equals(e.get("ph")) || "f".equals(e.get("ph"))) {
                Map<String, Object> anchor = events.get(i - 1);
                assertEquals("X", anchor.get("ph"));
                assertEquals(0.0, anchor.get("dur"));
                assertEquals(e.get("ts"), anchor.get("ts"));
                assertEquals(e.get("tid"), anchor.get("tid"));
                assertEquals("wake", anchor.get("cat"));
                assertTrue(((String) anchor.get("name")).startsWith("s".equals(e.get("ph")) ? "wake \u2192 " : "woken by "));
            }
        }
        Map<String, Object> joinEnd =
                ends.stream().filter(f -> tid(f) == DEMO.demo().mainId()).findFirst().orElseThrow();
        assertNotNull(joinEnd);
    }

    @Test
    void allThreadsAddsTheJdkOwnAndStdoutWorks() {
        Cli.Result r = Cli.run("trace", DEMO.jfr().toString(), "--all-threads", "-o", "-");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> all = (Map<String, Object>) Json.parse(r.out());
        long names = ((List<Object>) all.get("traceEvents")).stream()
                .filter(e -> "thread_name".equals(((Map<String, Object>) e).get("name"))).count();
        assertEquals(DEMO.analysis().model().threads().size(), names);
        assertEquals(0.0, ((Map<String, Object>) all.get("otherData")).get("threadsHidden"));
        assertEquals((double) DEMO.analysis().systemThreads(),
                ((Map<String, Object>) trace.get("otherData")).get("threadsHidden"));
        assertFalse(r.out().contains("</"), "markup from the recording is escaped");
    }

    @Test
    void optionsAndDefaults() {
        assertEquals(Path.of("d/app.trace.json"), TraceCommand.defaultOutput(Path.of("d/app.jfr")));
        assertEquals(Path.of("rec.bin.trace.json"), TraceCommand.defaultOutput(Path.of("rec.bin")));
        for (String[] args : new String[][] {{"trace"}, {"trace", "--top", "3", "a.jfr"}, {"trace", "a.jfr", "-o"},
                {"trace", "a.jfr", "--all-threads=yes"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.errLines()[1].contains("trace <file.jfr>"), r.err());
        }
        Cli.Result help = Cli.run("trace", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--all-threads"));
        assertTrue(help.out().contains("perfetto"));
    }
}
