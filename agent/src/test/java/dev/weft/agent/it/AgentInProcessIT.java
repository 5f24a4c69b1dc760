package dev.weft.agent.it;

import dev.weft.agent.RecordedEvents;
import dev.weft.agent.start.AgentStarter;
import dev.weft.agent.start.WeftAgent;
import dev.weft.fixture.FixtureApp;
import dev.weft.testkit.OnThread;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Layer 2: the agent installed into this JVM with {@code ByteBuddyAgent.install()}, exactly as
 * {@code agentmain} would be by an attach; the JDK's own classes are instrumented for real.
 * Each case runs on a thread with a unique name and reads back only that thread's events. The
 * build runs it in a failsafe JVM of its own: the woven JDK classes cannot be restored.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class AgentInProcessIT {

    private static Recording weft;

    @BeforeAll
    static void installAgent() throws Exception {
        Instrumentation inst = ByteBuddyAgent.install();
        Path out = Files.createDirectories(Path.of("target", "in-process-it"));
        WeftAgent.agentmain("out=" + out + ",report=none,cache=" + out.resolve("cache"), inst);
        weft = FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(r -> r.getName().equals("weft")).findFirst().orElseThrow();
    }

    /** The recording ends with the class and its weaving is removed; the bridge stays (boot path), hence a JVM of its own. */
    @AfterAll
    static void stopRecording() {
        assertTrue(AgentStarter.stop(), "the recording was still running and is written");
        assertEquals(RecordingState.CLOSED, weft.getState());
        assertTrue(FlightRecorder.getFlightRecorder().getRecordings().isEmpty(), "no recording left running");
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs the body on a fresh platform thread called {@code name}, then returns that thread's Weft waits. */
    private static List<RecordedEvent> waitsOf(String name, Body body) throws Exception {
        OnThread.run(name, Thread::start, body::run);
        return eventsOf("weft.Wait", name);
    }

    private static List<RecordedEvent> eventsOf(String type, String thread) throws Exception {
        Path dump = Files.createTempFile("weft-inprocess", ".jfr");
        try {
            weft.dump(dump);
            return RecordedEvents.onThread(RecordingFile.readAllEvents(dump), type, thread);
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    @Test
    void sleepIsRecordedAtTheApi() throws Exception {
        List<RecordedEvent> waits = waitsOf("ip-sleep", () -> Thread.sleep(15));
        assertEquals(1, waits.size(), waits.toString());
        assertEquals("sleep", waits.get(0).getString("kind"));
        assertEquals("java.lang.Thread.sleep", waits.get(0).getString("api"));
    }

    @Test
    void latchAwaitIsOneSpanNotALatchAndAPark() throws Exception {
        List<RecordedEvent> waits = waitsOf("ip-latch", () -> {
            Thread me = Thread.currentThread();
            CountDownLatch latch = new CountDownLatch(1);
            Thread releaser = new Thread(() -> {
                FixtureApp.awaitState(me, Thread.State.WAITING);
                latch.countDown();
            });
            releaser.start();
            latch.await();
        });
        assertEquals(1, waits.size(), waits.toString());
        assertEquals("latch", waits.get(0).getString("kind"));
    }

    @Test
    void anOpenLatchRecordsNothing() throws Exception {
        List<RecordedEvent> waits = waitsOf("ip-open", () -> {
            CountDownLatch open = new CountDownLatch(0);
            for (int i = 0; i < 10_000; i++) {
                open.await();
            }
        });
        assertTrue(waits.isEmpty(), waits.toString());
    }

    @Test
    void joiningAVirtualThreadIsOneJoinSpan() throws Exception {
        List<RecordedEvent> waits = waitsOf("ip-vjoin", () -> {
            Thread me = Thread.currentThread();
            Thread v = Thread.ofVirtual().name("ip-virtual").start(() -> FixtureApp.awaitState(me, Thread.State.WAITING));
            v.join();
        });
        assertEquals(1, waits.size(), "join → joinNanos → CountDownLatch.await → park is one span: " + waits);
        RecordedEvent join = waits.get(0);
        assertEquals("join", join.getString("kind"));
        assertEquals("ip-virtual", join.getThread("targetThread").getJavaName());
    }

    @Test
    void monitorWaitNamesTheMonitorClass() throws Exception {
        List<RecordedEvent> waits = waitsOf("ip-monitor", () -> {
            StringBuilder monitor = new StringBuilder();
            synchronized (monitor) {
                monitor.wait(5);
            }
        });
        assertEquals(1, waits.size(), waits.toString());
        assertEquals("monitor", waits.get(0).getString("kind"));
        assertEquals("java.lang.StringBuilder", waits.get(0).getClass("blockerClass").getName());
        assertTrue(waits.get(0).getBoolean("timed"));
    }

    @Test
    void threadStartNamesTheParentOfAVirtualThread() throws Exception {
        waitsOf("ip-parent", () -> Thread.ofVirtual().name("ip-child").start(() -> { }).join());
        List<RecordedEvent> starts = eventsOf("weft.ThreadStart", "ip-parent");
        RecordedEvent start = starts.stream().filter(e -> e.getString("startedThreadName").equals("ip-child"))
                .findFirst().orElse(null);
        assertNotNull(start, starts.toString());
        assertTrue(start.getBoolean("virtual"));
    }
}
