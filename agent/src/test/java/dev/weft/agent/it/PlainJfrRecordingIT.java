package dev.weft.agent.it;

import static dev.weft.agent.RecordedEvents.named;
import static dev.weft.agent.RecordedEvents.onThread;
import static dev.weft.agent.RecordedEvents.waitKinds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fixture.FixtureApp;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code weft.jfc} used the plain JFR way, {@code -XX:StartFlightRecording:settings=weft.jfc}:
 * with the agent the user's own recording holds Weft's events; without it, the JVM's thread and
 * wait events only, and no complaint about the rest.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class PlainJfrRecordingIT {

    private static final Path JFC = Path.of(System.getProperty("weft.jfc", "target/weft.jfc")).toAbsolutePath();

    @TempDir
    Path out;

    @Test
    void jfcBesideAgentJarIsTheOneInsideIt() throws Exception {
        assertTrue(Files.isRegularFile(JFC), JFC + " is built next to agent.jar");
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            var entry = jar.getEntry("weft.jfc");
            assertNotNull(entry, "agent.jar holds weft.jfc");
            try (InputStream in = jar.getInputStream(entry)) {
                assertArrayEquals(Files.readAllBytes(JFC), in.readAllBytes());
            }
        }
    }

    @Test
    void withTheAgentTheUsersRecordingHoldsWeftsEventsWithStacks() throws Exception {
        Path user = Files.createDirectories(out.resolve("user")).resolve("app.jfr");
        ForkedJvm.Result r = ForkedJvm.runWith(out, List.of(
                ForkedJvm.agent("out=" + out + ",report=none"),
                "-XX:StartFlightRecording:settings=" + JFC + ",stacks=true,filename=" + user), List.of(), "waits");

        assertEquals(0, r.exitCode(), r.stderr());
        List<RecordedEvent> all = RecordingFile.readAllEvents(user);
        Map<String, Long> kinds = waitKinds(all, "main");
        assertEquals(Map.of("sleep", 1L, "latch", 1L, "join", 2L, "monitor", 1L, "phaser", 1L, "park", 1L), kinds,
                "main's waits, in the user's own recording");
        assertTrue(onThread(all, "weft.Wait", "main").stream().allMatch(e -> e.getStackTrace() != null
                        && e.getStackTrace().getFrames().stream()
                                .anyMatch(f -> f.getMethod().getType().getName().equals(FixtureApp.class.getName()))),
                "the jfc's stacks=true gives weft.Wait stack traces reaching the app");
    }

    @Test
    void withoutTheAgentOnlyTheJvmsThreadAndWaitEventsAreRecorded() throws Exception {
        Path user = out.resolve("app.jfr");
        ForkedJvm.Result r = ForkedJvm.runWith(out,
                List.of("-XX:StartFlightRecording:settings=" + JFC + ",filename=" + user), List.of(), "waits");

        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("fixture done: waits"));
        assertEquals("", r.stderr().strip(), "JFR accepts the weft.* settings without the agent, silently");
        List<RecordedEvent> all = RecordingFile.readAllEvents(user);
        assertTrue(all.stream().noneMatch(e -> e.getEventType().getName().startsWith("weft.")));
        // Thread.sleep(20) on main is above the jfc's 10 ms threshold
        assertFalse(onThread(all, "jdk.ThreadSleep", "main").isEmpty(), "the JVM's sleep event, at the jfc's threshold");
        assertTrue(named(all, "jdk.ThreadStart").stream()
                        .anyMatch(e -> "fixture-worker-1".equals(e.getThread("thread").getJavaName())),
                "thread starts");
        assertTrue(named(all, "jdk.VirtualThreadStart").size() >= 1, "virtual thread starts");
    }
}
