package dev.weft.demo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Phase;
import dev.weft.reports.browser.Browser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The card's command, exactly: {@code java -javaagent:agent.jar -jar demo-app.jar}, no options.
 * Asserts that the recording holds what the four scenarios did, event for event, and that the
 * report tells the Go lesson: sequential ≈ 1×, concurrent ≈ N×, the forgotten threads flagged.
 */
class DemoUnderAgentIT {

    private static final int TASKS = 3;
    private static final int VIRTUAL = 10_000;
    private static final String HEAVY = "dev.weft.demo.Workloads::heavyWorkload";

    private static Path dir;
    private static String stdout;
    private static String stderr;
    private static int exitCode;
    private static Path jfr;
    private static Path html;
    private static List<RecordedEvent> events;

    @BeforeAll
    static void runDemoUnderAgent() throws Exception {
        dir = Files.createTempDirectory("weft-demo-it");
        Path agent = Path.of(System.getProperty("weft.agent.jar")).toAbsolutePath();
        Path demo = Path.of(System.getProperty("weft.demo.jar")).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-javaagent:" + agent, "-jar", demo.toString())
                .directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the demo exits");
        exitCode = p.exitValue();
        stderr = Files.readString(dir.resolve("stderr.txt"));

        Matcher m = Pattern.compile("\\[weft\\] report: (\\S+\\.html) +\\(jfr: (\\S+\\.jfr)\\)").matcher(stderr);
        assertTrue(m.find(), "the last line names the report and the recording:\n" + stderr);
        html = dir.resolve(m.group(1));
        jfr = dir.resolve(m.group(2));
        events = RecordingFile.readAllEvents(jfr);
    }

    private static List<RecordedEvent> named(String type) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
    }

    private static String threadName(RecordedEvent e) {
        return e.getThread() == null ? "?" : e.getThread().getJavaName();
    }

    @Test
    void theDemoRanAndItsExitCodeIsKept() {
        assertEquals(0, exitCode, stderr);
        assertTrue(stdout.contains("Main function started") && stdout.contains("Main function finished"), stdout);
        String[] lines = stderr.strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("[weft] report: "), "the report line comes last: " + stderr);
    }

    @Test
    void workloadSpansMatchWhatTheScenariosDid() {
        Map<String, Long> byThread = named("weft.Workload").stream()
                .filter(e -> e.getString("method").equals(HEAVY))
                .collect(Collectors.groupingBy(e -> e.getThread().isVirtual() ? "virtual" : threadName(e),
                        Collectors.counting()));
        Map<String, Long> expected = new HashMap<>();
        expected.put("main", 3L);
        for (int i = 1; i <= TASKS; i++) {
            expected.put("worker-" + i, 1L);
        }
        expected.put("virtual", (long) VIRTUAL);
        assertEquals(expected, byThread, "the forgotten workloads never end, so they have no span");

        List<String> scenarios = named("weft.Workload").stream().map(e -> e.getString("method"))
                .filter(m -> !m.equals(HEAVY)).sorted().toList();
        assertEquals(List.of("dev.weft.demo.Scenario01Sequential::run", "dev.weft.demo.Scenario02Concurrent::run",
                "dev.weft.demo.Scenario03ForgottenWait::run", "dev.weft.demo.Scenario04VirtualThreads::run"), scenarios);
    }

    @Test
    void everyThreadStartAndFinishIsRecordedWithItsParent() {
        List<RecordedEvent> starts = named("weft.ThreadStart");
        Map<String, String> parents = starts.stream()
                .filter(e -> e.getString("startedThreadName").matches("(worker|forgotten)-\\d"))
                .collect(Collectors.toMap(e -> e.getString("startedThreadName"), DemoUnderAgentIT::threadName));
        assertEquals(2 * TASKS, parents.size(), parents.toString());
        parents.values().forEach(parent -> assertEquals("main", parent));
        long virtualStarts = starts.stream().filter(e -> e.getBoolean("virtual")).count();
        assertEquals(VIRTUAL, virtualStarts);
        assertEquals(VIRTUAL, named("jdk.VirtualThreadEnd").size(), "every virtual thread finished");

        List<String> ended = named("jdk.ThreadEnd").stream().map(DemoUnderAgentIT::threadName).toList();
        for (int i = 1; i <= TASKS; i++) {
            assertTrue(ended.contains("worker-" + i), "worker-" + i + " finished");
            assertTrue(!ended.contains("forgotten-" + i), "forgotten-" + i + " never finished");
        }
    }

    @Test
    void theForgottenThreadsAreAliveAtExit() {
        List<String> alive = named("weft.ThreadAliveAtExit").stream().map(e -> e.getString("threadName")).sorted().toList();
        assertEquals(List.of("forgotten-1", "forgotten-2", "forgotten-3"), alive);
        named("weft.ThreadAliveAtExit").forEach(e ->
                assertTrue(e.getString("activity").contains("heavyWorkload"), e.getString("activity")));
    }

    @Test
    void waitsByKindMatchTheScenarios() {
        Map<String, Long> mainWaits = named("weft.Wait").stream().filter(e -> threadName(e).equals("main"))
                // may or may not block: scenario 3 awaits its threads' start (latch); scenario 4's executor
                // close waits for threads that ran their task but have not quite ended
                .filter(e -> !e.getString("kind").equals("latch") && !e.getString("kind").equals("executor"))
                .collect(Collectors.groupingBy(e -> e.getString("kind"), Collectors.counting()));
        assertEquals(Map.of("sleep", 3L, "phaser", 2L), mainWaits,
                "3 in-line sleeps in scenario 1, one WaitGroup await in scenarios 2 and 4");
        long virtualSleeps = named("weft.Wait").stream()
                .filter(e -> e.getThread().isVirtual() && e.getString("kind").equals("sleep")).count();
        assertEquals(VIRTUAL, virtualSleeps);
        for (int i = 1; i <= TASKS; i++) {
            String worker = "worker-" + i;
            assertEquals(1, named("weft.Wait").stream().filter(e -> threadName(e).equals(worker)).count(), worker);
        }
    }

    @Test
    void theReportTellsTheGoLesson() throws Exception {
        Analysis analysis = Reports.analyse(jfr);
        List<Phase> phases = analysis.phases();
        List<String> names = new ArrayList<>();
        phases.forEach(p -> names.add(p.method()));
        assertEquals(List.of("dev.weft.demo.Scenario01Sequential::run", "dev.weft.demo.Scenario02Concurrent::run",
                "dev.weft.demo.Scenario04VirtualThreads::run", "dev.weft.demo.Scenario03ForgottenWait::run"), names,
                "one phase per scenario, in the order they ran");
        double sequential = phases.get(0).inFlight();
        double concurrent = phases.get(1).inFlight();
        assertEquals(1.0, sequential, 0.1, "in line: one at a time");
        phases.forEach(p -> assertTrue(p.running() <= p.inFlight() + 1e-9, "running is never more than in flight: " + p.name()));
        assertEquals(TASKS, concurrent, TASKS * 0.1, "N threads awaited: about N in flight");
        Phase virtual = phases.get(2);
        assertTrue(virtual.inFlight() > 100, "10,000 virtual threads overlap: " + virtual.inFlight());
        assertTrue(virtual.running() < virtual.inFlight() / 10, "but they sleep: in flight is not running, "
                + virtual.running() + " of " + virtual.inFlight());

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("forgotten-1") && page.contains("Scenario02Concurrent"), "names reach the page");
        assertTrue(Files.size(html) > 10_000);
    }

    /** The real demo report in headless Chromium: it opens cleanly and shows the lesson's shapes. */
    @Test
    void theReportOpensInChromium() throws Exception {
        Browser.assumeAvailable();
        try (Browser browser = Browser.open(1400, 1000)) {
            browser.load(html.toAbsolutePath());
            assertEquals(List.of(), browser.errors(), "no console errors");
            assertTrue(browser.number("return weft.state.drawn.segments") > 0, "lanes drawn");
            assertEquals(4L, browser.number("return document.querySelectorAll('#phases .phase').length"));
            assertEquals(Boolean.TRUE, browser.js(
                    "return weft.groups().some(g => g.virtual && g.count === 10000 && g.folded)"),
                    "10,000 virtual threads in one folded group");
            assertEquals(3L, browser.number("return weft.model.threads.filter(t => t.alive).length"),
                    "the forgotten threads are flagged alive at exit");
            assertTrue(browser.driver().findElement(org.openqa.selenium.By.id("banners")).getText()
                    .contains("forgotten wait"));
            // in the concurrent scenario the 3 workers and main all wait (the workers sleep, main awaits)
            double mid = browser.decimal("const p = weft.data.phases[1]; return (p.start + p.end) / 2");
            Map<String, Object> c = browser.map("return weft.curveAt(arguments[0])", mid);
            assertTrue(((Number) c.get("waiting")).longValue() >= TASKS + 1, "waiting " + c);
            Map<String, Object> before = browser.map("return weft.visibleRange()");
            browser.js("weft.zoomTo(weft.data.phases[1].start, weft.data.phases[1].end)");
            Map<String, Object> after = browser.map("return weft.visibleRange()");
            assertTrue(((Number) after.get("end")).doubleValue() - ((Number) after.get("start")).doubleValue()
                    < ((Number) before.get("end")).doubleValue() - ((Number) before.get("start")).doubleValue());
            browser.js("weft.fit(); document.getElementById('timeline-panel').scrollIntoView({block: 'start'}); weft.render()");
            browser.screenshot(Path.of(System.getProperty("weft.browser.out", "target/browser")).resolve("demo-report.png"));
            assertEquals(List.of(), browser.errors());
        }
    }
}
