package dev.weft.agent.it;

import dev.weft.fixture.FixtureApp;

import static dev.weft.agent.RecordedEvents.named;
import static dev.weft.agent.RecordedEvents.onThread;
import static dev.weft.agent.RecordedEvents.waitKinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer 3: a fresh JVM with the real {@code -javaagent:agent.jar}; assertions on its exit code,
 * its stderr, the {@code .jfr} it leaves and the HTML report. On the tests' own JDK; what must hold
 * on every JDK (exit paths among it) is {@link EveryJdkIT}'s.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AgentForkedIT {

    private static final String WORKLOAD = "workload=" + FixtureApp.class.getName() + "::work";

    @TempDir
    Path out;

    private ForkedJvm.Result run(String agentArgs, String... args) throws Exception {
        return ForkedJvm.run(out, "out=" + out + (agentArgs.isEmpty() ? "" : "," + agentArgs), args);
    }

    private static List<RecordedEvent> events(Path jfr) throws Exception {
        return RecordingFile.readAllEvents(jfr);
    }

    @Test
    void everyWaitOfMainIsOneSpanOfItsKind() throws Exception {
        ForkedJvm.Result r = run(WORKLOAD, "waits");
        assertEquals(0, r.exitCode(), r.stderr());
        List<RecordedEvent> all = events(r.only(".jfr"));

        Map<String, Long> kinds = waitKinds(all, "main");
        assertEquals(Map.of("sleep", 1L, "latch", 1L, "join", 2L, "monitor", 1L, "phaser", 1L, "park", 1L), kinds,
                "main's waits by kind");

        RecordedEvent latch = onThread(all, "weft.Wait", "main").stream()
                .filter(e -> e.getString("kind").equals("latch")).findFirst().orElseThrow();
        assertEquals("java.util.concurrent.CountDownLatch.await", latch.getString("api"));
        assertEquals("java.util.concurrent.CountDownLatch", latch.getClass("blockerClass").getName());

        List<String> joined = onThread(all, "weft.Wait", "main").stream()
                .filter(e -> e.getString("kind").equals("join"))
                .map(e -> e.getThread("targetThread").getJavaName()).sorted().toList();
        assertEquals(List.of("fixture-virtual", "fixture-worker-2"), joined, "join names the thread waited for");

        List<RecordedEvent> work = named(all, "weft.Workload");
        assertEquals(2, work.size(), "work() ran on worker-1 and on the virtual thread");
        work.forEach(e -> assertEquals(FixtureApp.class.getName() + "::work", e.getString("method")));

        Map<String, String> parents = named(all, "weft.ThreadStart").stream()
                .filter(e -> e.getString("startedThreadName").startsWith("fixture-"))
                .collect(Collectors.toMap(e -> e.getString("startedThreadName"), e -> e.getThread().getJavaName()));
        assertEquals(Map.of("fixture-worker-1", "main", "fixture-worker-2", "main", "fixture-worker-3", "main",
                "fixture-virtual", "main"), parents, "who started whom, platform and virtual");
        assertTrue(named(all, "weft.ThreadStart").stream()
                .anyMatch(e -> e.getString("startedThreadName").equals("fixture-virtual") && e.getBoolean("virtual")));

        RecordedEvent status = named(all, "weft.AgentStatus").stream()
                .max((a, b) -> a.getStartTime().compareTo(b.getStartTime())).orElseThrow();
        assertTrue(status.getInt("instrumentedTypes") >= 7, "JDK types and the fixture: " + status);
        assertEquals(0, status.getInt("transformErrors"));
        assertEquals(0L, status.getLong("suppressedErrors"));

        Path html = r.only(".html");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("fixture-worker-1"), "thread names reach the report");
        assertTrue(r.weftLines().stream().anyMatch(l -> l.contains("report: ") && l.contains(html.getFileName().toString())),
                r.stderr());
    }

    @Test
    void theWaitCatalogueIsLabelledByApiAndEveryWaitHasItsWaker() throws Exception {
        ForkedJvm.Result r = run("", "catalogue");
        assertEquals(0, r.exitCode(), r.stderr());
        List<RecordedEvent> all = events(r.only(".jfr"));
        List<RecordedEvent> mainWaits = onThread(all, "weft.Wait", "main");
        List<RecordedEvent> wakes = named(all, "weft.Wake").stream()
                .filter(e -> e.getThread("wokenThread") != null && "main".equals(e.getThread("wokenThread").getJavaName()))
                .toList();
        Map<String, Long> kinds = new java.util.TreeMap<>();
        for (RecordedEvent wait : mainWaits) {
            String waker = wakes.stream().filter(w -> !w.getStartTime().isBefore(wait.getStartTime())
                    && !w.getStartTime().isAfter(wait.getEndTime())
                    && !"main".equals(w.getThread().getJavaName()))
                    .map(w -> w.getThread().getJavaName()).findFirst()
                    .orElseThrow(() -> new AssertionError("a waker for " + wait.getString("api") + " at "
                            + wait.getStartTime()));
            // the pool's worker may hold the pool's or its queue's lock as main submits or shuts down: a real
            // wait, but the JDK's, not a step of the catalogue (seen under load, beside two spinning processes)
            if (!(wait.getString("kind").equals("lock") && waker.equals("cat-pool"))) {
                kinds.merge(wait.getString("kind"), 1L, Long::sum);
            }
        }
        assertEquals(new java.util.TreeMap<>(Map.of("barrier", 1L, "semaphore", 1L, "condition", 1L, "lock", 1L,
                "future", 3L, "executor", 2L, "queue", 3L)), kinds, "main's waits by kind: " + apis(mainWaits));
    }

    private static List<String> apis(List<RecordedEvent> waits) {
        return waits.stream().map(e -> e.getString("api")).toList();
    }

    @Test
    void forgottenDaemonThreadIsRecordedAsAliveAtExit() throws Exception {
        ForkedJvm.Result r = run(WORKLOAD, "forgotten");
        assertEquals(0, r.exitCode(), r.stderr());
        List<RecordedEvent> alive = named(events(r.only(".jfr")), "weft.ThreadAliveAtExit");
        RecordedEvent forgotten = alive.stream().filter(e -> e.getString("threadName").equals("fixture-forgotten"))
                .findFirst().orElseThrow(() -> new AssertionError("not flagged: " + alive));
        assertTrue(forgotten.getBoolean("daemon"));
        assertTrue(forgotten.getString("activity").contains("FixtureApp"), forgotten.getString("activity"));
        assertFalse(alive.stream().anyMatch(e -> e.getString("threadName").equals("main")));

        // virtual threads cannot be enumerated at shutdown: the report finds the one that started and never ended
        List<dev.weft.reports.model.AliveAtExit> cutShort = dev.weft.reports.Reports.analyse(r.only(".jfr")).model()
                .aliveAtExit();
        assertTrue(cutShort.stream().anyMatch(a -> a.name().equals("fixture-forgotten") && !a.virtual()), cutShort.toString());
        assertTrue(cutShort.stream().anyMatch(a -> a.name().equals("fixture-forgotten-virtual") && a.virtual()),
                cutShort.toString());
        assertEquals(2, cutShort.size(), "main and the JVM's own threads are not flagged: " + cutShort);
    }

    @Test
    void anApplicationThreadNamedLikeWeftsOwnIsRecorded() throws Exception {
        ForkedJvm.Result r = run(WORKLOAD, "weft-named");
        assertEquals(0, r.exitCode(), r.stderr());
        List<RecordedEvent> all = events(r.only(".jfr"));
        assertEquals(1, onThread(all, "weft.Workload", "weft-app-worker").size(), r.stderr());
        assertEquals(List.of("sleep"), onThread(all, "weft.Wait", "weft-app-worker").stream()
                .map(e -> e.getString("kind")).toList());
    }

    @Test
    void badOptionsGiveOneLineEachAndTheAppRuns() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(out, "out=" + out + ",colour=blue,workload=bad..filter", "quick");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("fixture done: quick"));
        List<String> lines = r.weftLines();
        assertEquals(1, lines.stream().filter(l -> l.contains("unknown option 'colour'")).count(), r.stderr());
        assertEquals(1, lines.stream().filter(l -> l.contains("'bad..filter'")).count(), r.stderr());
        ForkedJvm.assertWritten(r);
    }

    @Test
    void helpPrintsTheOptionsAndTheAppRuns() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(out, "help", "quick");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("workload=FILTER"), r.stderr());
        assertTrue(r.stdout().contains("fixture done: quick"));
    }

    @Test
    void unwritableOutputDirectoryGivesOneLineAndTheAppRuns() throws Exception {
        Path file = Files.writeString(out.resolve("a-file"), "x");
        ForkedJvm.Result r = ForkedJvm.run(out, "out=" + file.resolve("sub"), "quick");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("fixture done: quick"));
        assertEquals(1, r.weftLines().size(), r.stderr());
        assertTrue(r.weftLines().get(0).contains("cannot write"), r.stderr());
    }
}
