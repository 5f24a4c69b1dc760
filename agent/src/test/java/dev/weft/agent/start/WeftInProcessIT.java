package dev.weft.agent.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.RecordedEvents;
import dev.weft.boot.Recorder;
import dev.weft.fixture.FixtureApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Layer 2 for the in-process entry: Weft started through byte-buddy-agent's self-attach, as weft-junit
 * does, in a failsafe fork of its own (no other test may start Weft in this JVM). Runs record to files
 * of their own; between runs Weft records nothing.
 */
@Timeout(120)
class WeftInProcessIT {

    /** A workload method the tests weave and unweave (Weft never weaves its own dev.weft.agent classes). */
    static final String TASK = "dev.weft.fixture.FixtureApp::work";

    static WeftInProcess weft;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        assertEquals(null, WeftInProcess.current(), "nothing started Weft in this fork");
        weft = WeftInProcess.start(ByteBuddyAgent.install());
        dir = Files.createDirectories(Path.of("target", "in-process-api"));
    }

    private static List<RecordedEvent> events(Path jfr, String type) throws Exception {
        return RecordedEvents.named(RecordingFile.readAllEvents(jfr), type);
    }

    @Test
    void startedOnceAndKnownAfterwards() {
        assertSame(weft, WeftInProcess.current());
        assertSame(weft, WeftInProcess.start(ByteBuddyAgent.getInstrumentation()), "a second start finds the first");
        assertEquals("in-process", weft.loadedBy());
    }

    @Test
    void aRunRecordsItsSpanItsThreadsWorkAndWaitsAndNothingStaysOn() throws Exception {
        WeftInProcess.Workload workload = weft.weave(TASK, WeftInProcessIT.class.getClassLoader());
        try {
            assertEquals(List.of(), workload.problems());
            Path jfr = dir.resolve("run.jfr");
            WeftInProcess.Run run = weft.startRun("example.SomeTest::download", jfr);
            assertTrue(Recorder.isActive(), "recording while the run runs");
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            Thread caller = Thread.currentThread();
            for (int i = 0; i < 3; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        FixtureApp.work(30);
                        // a join of a thread that already ended records nothing: end once the caller joins
                        FixtureApp.awaitState(caller, Thread.State.WAITING);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "ip-worker-" + i);
                t.start();
                workers.add(t);
            }
            for (Thread t : workers) {
                // a latch already open records no wait: release only workers certain to be parked on it
                FixtureApp.awaitState(t, Thread.State.WAITING);
            }
            go.countDown();
            for (Thread t : workers) {
                t.join();
            }
            run.stop();
            assertFalse(Recorder.isActive(), "between runs nothing is recorded");
            assertTrue(FlightRecorder.getFlightRecorder().getRecordings().isEmpty(), "no recording left behind");

            List<RecordedEvent> spans = events(jfr, "weft.Workload");
            assertTrue(spans.stream().anyMatch(e -> e.getString("method").equals("example.SomeTest::download")
                    && e.getThread().getJavaThreadId() == Thread.currentThread().getId()), "the run's span on this thread");
            long tasks = spans.stream().filter(e -> e.getString("method").equals(TASK)).count();
            assertEquals(3, tasks, "the woven workload, once per worker: " + spans);
            List<RecordedEvent> waits = events(jfr, "weft.Wait");
            assertTrue(waits.stream().anyMatch(e -> e.getString("kind").equals("join")), "this thread joined its workers");
            assertTrue(waits.stream().anyMatch(e -> e.getString("kind").equals("latch")), "the workers awaited the latch");
            assertFalse(events(jfr, "weft.AgentStatus").isEmpty(), "the agent's health is in the run's recording");
            assertFalse(events(jfr, "weft.ThreadStart").isEmpty(), "who started whom");
        } finally {
            workload.remove();
        }
    }

    @Test
    void aRemovedWorkloadIsNoLongerWoven() throws Exception {
        weft.weave(FixtureApp.class.getName(), WeftInProcessIT.class.getClassLoader()).remove();
        Path jfr = dir.resolve("after-remove.jfr");
        WeftInProcess.Run run = weft.startRun("example.SomeTest::plain", jfr);
        FixtureApp.work(1);
        run.stop();
        List<RecordedEvent> spans = events(jfr, "weft.Workload");
        assertEquals(List.of("example.SomeTest::plain"), spans.stream().map(e -> e.getString("method")).toList());
    }

    @Test
    void runsDoNotOverlap() throws Exception {
        WeftInProcess.Run first = weft.startRun("example.SomeTest::first", dir.resolve("first.jfr"));
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> weft.startRun("example.SomeTest::second", dir.resolve("second.jfr")));
            assertTrue(e.getMessage().contains("another run"), e.getMessage());
        } finally {
            first.stop();
        }
        WeftInProcess.Run again = weft.startRun("example.SomeTest::again", dir.resolve("again.jfr"));
        again.stop();
        assertTrue(Files.size(dir.resolve("again.jfr")) > 0, "after a stop the next run records");
    }

    @Test
    void aBadFilterEntryOrAMissingClassIsSaid() {
        WeftInProcess.Workload w = weft.weave(TASK + ";not a filter;com.example.Missing::fine",
                WeftInProcessIT.class.getClassLoader());
        try {
            assertEquals(2, w.problems().size(), w.problems().toString());
            assertTrue(w.problems().get(0).contains("'not a filter'"), w.problems().get(0));
            assertTrue(w.problems().get(1).contains("not there: com.example.Missing"), w.problems().get(1));
            assertNotNull(w);
        } finally {
            w.remove();
        }
    }
}
