package dev.weft.agent.it;

import static dev.weft.agent.RecordedEvents.named;
import static dev.weft.agent.RecordedEvents.waitKinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fixture.FixtureApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.internal.data.CRC64;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real agent beside what it meets in the field: the user's own JFR recording, another agent,
 * an application with its own Byte Buddy, a JVM without JFR. Each time the application runs as
 * it would alone and keeps its exit code, Weft says at most one line about the situation, and
 * its recording and report are written wherever JFR is there to write them.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class CoexistenceIT {

    private static final String FIXTURE = FixtureApp.class.getName();
    private static final Map<String, Long> MAIN_WAITS =
            Map.of("sleep", 1L, "latch", 1L, "join", 2L, "monitor", 1L, "phaser", 1L, "park", 1L);

    @TempDir
    Path out;

    private String weft(String more) {
        return ForkedJvm.agent("out=" + out + (more.isEmpty() ? "" : "," + more));
    }

    /** Weft's recording is whole, its report written, and the agent reports no error of its own. */
    private static List<RecordedEvent> assertWeftHealthy(ForkedJvm.Result r) throws Exception {
        Path jfr = r.only(".jfr");
        List<RecordedEvent> all = RecordingFile.readAllEvents(jfr);
        RecordedEvent status = named(all, "weft.AgentStatus").stream()
                .max((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                .orElseThrow(() -> new AssertionError("no weft.AgentStatus in " + jfr + "\n" + r.stderr()));
        assertEquals(0, status.getInt("transformErrors"), r.stderr());
        assertEquals(0L, status.getLong("suppressedErrors"), r.stderr());
        assertTrue(Files.size(r.only(".html")) > 0);
        assertEquals(2, r.weftLines().size(), "the summary and the report line, nothing else: " + r.stderr());
        assertTrue(r.weftLines().get(1).contains("report: "), r.stderr());
        return all;
    }

    /** stderr lines that are not Weft's (the app and the JVM print none in these runs). */
    private static List<String> foreignLines(ForkedJvm.Result r) {
        return r.stderr().lines().filter(l -> !l.startsWith("[weft]") && !l.isBlank()).toList();
    }

    // (a) ------------------------------------------------------------------------------------------

    @Test
    void usersOwnRecordingAndWeftsAreBothWrittenAndReadable() throws Exception {
        Path userDir = Files.createDirectories(out.resolve("user"));
        Path userJfr = userDir.resolve("user.jfr");
        ForkedJvm.Result r = ForkedJvm.runWith(out,
                List.of(weft(""), "-XX:StartFlightRecording:filename=" + userJfr), List.of(), "exit", "3");

        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(List.of(), foreignLines(r));
        assertWeftHealthy(r);

        assertTrue(Files.size(userJfr) > 0, "the user's recording was written");
        List<RecordedEvent> user = RecordingFile.readAllEvents(userJfr); // throws on a truncated file
        // the user's settings (default.jfc) took effect: Weft's own settings enable neither of these
        assertFalse(named(user, "jdk.JVMInformation").isEmpty(), "default.jfc's events are in the user's file");
        assertFalse(named(user, "jdk.Shutdown").isEmpty(), "the user's recording ran until the JVM shut down");
        assertTrue(named(user, "jdk.ActiveRecording").stream()
                        .anyMatch(e -> userJfr.toString().equals(e.getString("destination"))),
                "the user's recording kept its destination");
    }

    // (b) ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "JaCoCo {0} Weft")
    @ValueSource(strings = {"before", "after"})
    void jacocoAgentBesideWeft(String jacocoPosition) throws Exception {
        Path exec = out.resolve("cov").resolve("jacoco.exec");
        String jacoco = "-javaagent:" + ForkedJvm.itLib("jacocoagent.jar") + "=destfile=" + exec;
        String weft = weft("workload=" + FIXTURE + "::work");
        List<String> options = jacocoPosition.equals("before") ? List.of(jacoco, weft) : List.of(weft, jacoco);

        ForkedJvm.Result r = ForkedJvm.runWith(out, options, List.of(), "waits");

        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("fixture done: waits"), r.stdout());
        assertEquals(List.of(), foreignLines(r), "neither agent complained");
        List<RecordedEvent> all = assertWeftHealthy(r);
        assertEquals(MAIN_WAITS, waitKinds(all, "main"), "Weft still sees every wait of main");
        assertEquals(2, named(all, "weft.Workload").size(), "and both workload spans");

        // JaCoCo's coverage still matches the class file, although Weft rewrote FixtureApp::work:
        // the JVM hands JaCoCo (registered without retransformation) the class before Weft, in either order
        ExecFileLoader coverage = new ExecFileLoader();
        coverage.load(exec.toFile());
        byte[] original = Files.readAllBytes(ForkedJvm.testClasses().resolve("dev/weft/fixture/FixtureApp.class"));
        ExecutionData fixture = coverage.getExecutionDataStore().get(CRC64.classId(original));
        assertNotNull(fixture, "JaCoCo's data for FixtureApp matches its class file; recorded: "
                + coverage.getExecutionDataStore().getContents().stream().map(ExecutionData::getName)
                        .filter(n -> n.startsWith("dev/weft/fixture")).toList());
        assertTrue(fixture.hasHits(), "JaCoCo saw FixtureApp run");
        System.out.println("JaCoCo " + jacocoPosition + " Weft: " + coverage.getExecutionDataStore().getContents().size()
                + " classes in jacoco.exec");
    }

    // (c) ------------------------------------------------------------------------------------------

    @Test
    void applicationWithItsOwnByteBuddyWorksAndIsInstrumented() throws Exception {
        Path appByteBuddy = ForkedJvm.itLib("app-byte-buddy.jar");
        String generated = "dev.weft.fixture.generated.Greeter";
        ForkedJvm.Result r = ForkedJvm.runWith(out,
                List.of(weft("workload=" + FIXTURE + "::work;" + generated + "::greet")),
                List.of(appByteBuddy), "own-byte-buddy");

        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("hello from the app's Byte Buddy (net.bytebuddy.ByteBuddy from app-byte-buddy.jar)"),
                "the app's class was made by the app's own Byte Buddy: " + r.stdout() + r.stderr());
        assertEquals(List.of(), foreignLines(r));
        List<RecordedEvent> all = assertWeftHealthy(r);
        List<String> methods = named(all, "weft.Workload").stream().map(e -> e.getString("method")).sorted().toList();
        assertEquals(List.of(FIXTURE + "::work", generated + "::greet"), methods,
                "Weft also instruments the class the app's Byte Buddy generated");
    }

    @Test
    void agentJarHoldsNoUnrelocatedByteBuddy() throws Exception {
        List<String> leaks = new ArrayList<>();
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            Collections.list(jar.entries()).stream().map(e -> e.getName())
                    .filter(n -> n.contains("net/bytebuddy")).forEach(leaks::add);
            assertNotNull(jar.getEntry("dev/weft/shaded/bytebuddy/ByteBuddy.class"), "Weft's copy is relocated");
        }
        assertEquals(List.of(), leaks, "agent.jar is on the app's class path: no net/bytebuddy there");
    }

    // (d) ------------------------------------------------------------------------------------------

    @Test
    void flightRecorderDisabledGivesOneLineAndTheAppRuns() throws Exception {
        ForkedJvm.Result r = ForkedJvm.runWith(out, List.of("-XX:-FlightRecorder", weft("")), List.of(), "exit", "3");

        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.weftLines().size(), r.stderr());
        assertTrue(r.weftLines().get(0).contains("not available"), r.stderr());
        // the only other line is the JVM's own deprecation warning for the flag
        assertTrue(foreignLines(r).stream().allMatch(l -> l.contains("Option FlightRecorder was deprecated")),
                r.stderr());
        assertNoOutput();
    }

    @Test
    void runtimeWithoutTheJfrModuleGivesOneLineAndTheAppRuns() throws Exception {
        // java.se leaves out jdk.jfr, like a jlink'ed runtime made without it
        ForkedJvm.Result r = ForkedJvm.runWith(out, List.of("--limit-modules", "java.se", weft("")), List.of(),
                "exit", "3");

        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.weftLines().size(), r.stderr());
        assertTrue(r.weftLines().get(0).contains("jdk.jfr"), r.stderr());
        assertEquals(List.of(), foreignLines(r));
        assertNoOutput();
    }

    private void assertNoOutput() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList(), "nothing recorded");
        }
    }
}
