package dev.weft.agent.it;

import dev.weft.fixture.LiveApp;
import dev.weft.testkit.ChildProcess;

import static dev.weft.agent.RecordedEvents.named;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar agent.jar attach|stop|list} as separate processes against a live JVM
 * ({@link LiveApp}) that waits only when the test tells it to: the {@code .jfr} and the HTML
 * the JVM writes, the command's exit codes and lines, and the JVM running on to its own exit code.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class AttachCliIT {

    private static final Pattern RECORDING = Pattern.compile("\\[weft\\] recording to (\\S+\\.jfr)");
    private static final Pattern REPORT = Pattern.compile("\\[weft\\] report: (\\S+\\.html)  \\(jfr: (\\S+\\.jfr)\\)");
    private static final Map<String, Long> WAITS_OF_ONE_ROUND = Map.of("sleep", 2L, "latch", 1L, "join", 1L);
    private static final String DYNAMIC_AGENT_WARNING = "A Java agent has been loaded dynamically";

    @TempDir
    Path out;

    @Test
    void attachRecordsFromThenOnStopWritesBothAndASecondAttachStartsAnew() throws Exception {
        Path first = out.resolve("first");
        Path second = out.resolve("second");
        try (LiveJvm app = LiveJvm.start(out, List.of())) {
            String pid = Long.toString(app.pid());
            app.waits(); // before any attach: recorded nowhere

            ChildProcess.Result notYet = AgentCliRun.run("stop", pid);
            assertEquals(1, notYet.exitCode(), notYet.toString());
            assertEquals(List.of("[weft] Weft is not recording in JVM " + pid), notYet.err());
            assertEquals("", notYet.stdout());
            assertFalse(app.stderr().contains(DYNAMIC_AGENT_WARNING), "asking loaded nothing: " + app.stderr());
            assertEquals("-", weftColumn(pid));

            ChildProcess.Result attach = AgentCliRun.run("attach", pid, "out=" + first,
                    "workload=" + LiveApp.class.getName() + "::work");
            assertEquals(0, attach.exitCode(), attach.toString());
            assertEquals("", attach.stderr());
            assertEquals(2, attach.out().size(), attach.toString());
            Path jfr1 = recordingPath(attach.out().get(0));
            assertEquals(first, jfr1.getParent());
            assertTrue(jfr1.getFileName().toString().startsWith("LiveApp-"), jfr1.toString());
            assertEquals("[weft] stop with: java -jar agent.jar stop " + pid, attach.out().get(1));
            assertTrue(app.stderr().contains(DYNAMIC_AGENT_WARNING), "the agent was loaded: " + app.stderr());
            assertEquals("recording", weftColumn(pid));

            ChildProcess.Result again = AgentCliRun.run("attach", pid, "out=" + second);
            assertEquals(1, again.exitCode(), again.toString());
            assertEquals(1, again.err().size(), again.toString());
            assertTrue(again.err().get(0).startsWith("[weft] Weft is already recording in JVM " + pid + ", to " + jfr1),
                    again.toString());

            app.waits();

            ChildProcess.Result stop = AgentCliRun.run("stop", pid);
            Path html1 = assertStopped(stop, jfr1);
            List<RecordedEvent> events1 = RecordingFile.readAllEvents(jfr1);
            assertEquals(WAITS_OF_ONE_ROUND, waitKinds(events1, "main"), "one round of waits, none from before the attach");
            List<RecordedEvent> work = named(events1, "weft.Workload");
            assertEquals(1, work.size(), "work() of the one round after the attach");
            assertEquals(LiveApp.class.getName() + "::work", work.get(0).getString("method"));
            assertTrue(Files.readString(html1, StandardCharsets.UTF_8).contains("live-joined"), "thread names reach the report");
            assertStatusOptions(events1, first);
            assertEquals("-", weftColumn(pid));
            long jfr1Size = Files.size(jfr1);

            app.waits(); // between the recordings: recorded nowhere

            ChildProcess.Result attach2 = AgentCliRun.run("attach", pid, "out=" + second);
            assertEquals(0, attach2.exitCode(), attach2.toString());
            Path jfr2 = recordingPath(attach2.out().get(0));
            assertEquals(second, jfr2.getParent());
            app.waits();
            ChildProcess.Result stop2 = AgentCliRun.run("stop", pid);
            assertStopped(stop2, jfr2);
            List<RecordedEvent> events2 = RecordingFile.readAllEvents(jfr2);
            assertEquals(WAITS_OF_ONE_ROUND, waitKinds(events2, "main"));
            assertEquals(List.of(), named(events2, "weft.Workload"),
                    "the first recording's workload instrumentation was removed at its stop");
            assertStatusOptions(events2, second);

            assertTrue(app.isAlive());
            assertEquals(7, app.exit(7), "the JVM keeps its own exit code");
            List<String> reports = app.weftLines().stream().filter(l -> l.contains("report: ")).toList();
            assertEquals(2, reports.size(), "one report per stop, none more at exit: " + app.stderr());
            assertFalse(app.stderr().contains("report failed") || app.stderr().contains("report incomplete"), app.stderr());
            assertEquals(jfr1Size, Files.size(jfr1), "the exit leaves a stopped recording alone");
        }
    }

    @Test
    void stopEndsARecordingStartedWithJavaagentAndAnAttachAfterItIsReportedAtExit() throws Exception {
        Path second = out.resolve("attached");
        try (LiveJvm app = LiveJvm.start(out, List.of("-javaagent:" + ForkedJvm.AGENT_JAR + "=out=relative",
                "-XX:+EnableDynamicAgentLoading"))) {
            String pid = Long.toString(app.pid());
            assertEquals("recording", weftColumn(pid));
            app.waits();

            ChildProcess.Result stop = AgentCliRun.run("stop", pid);
            assertEquals(0, stop.exitCode(), stop.toString());
            Matcher m = REPORT.matcher(stop.stdout());
            assertTrue(m.find(), stop.toString());
            assertTrue(m.group(1).startsWith("relative/"), "the JVM's own relative path: " + stop);
            assertTrue(stop.out().contains("[weft] (paths relative to " + out.toRealPath() + ")")
                    || stop.out().contains("[weft] (paths relative to " + out + ")"), stop.toString());
            Path jfr1 = out.resolve(m.group(2));
            assertEquals(WAITS_OF_ONE_ROUND, waitKinds(RecordingFile.readAllEvents(jfr1), "main"));
            assertTrue(Files.size(out.resolve(m.group(1))) > 0);

            ChildProcess.Result attach = AgentCliRun.run("attach", pid, "out=" + second);
            assertEquals(0, attach.exitCode(), attach.toString());
            Path jfr2 = recordingPath(attach.out().get(0));
            app.waits();
            assertEquals(3, app.exit(3));
            List<String> reports = app.weftLines().stream().filter(l -> l.contains("report: ")).toList();
            assertEquals(2, reports.size(), "the stop's, then the exit's for the attach after it: " + app.stderr());
            assertTrue(reports.get(1).contains("(jfr: " + jfr2 + ")"), reports.toString());
            assertEquals(WAITS_OF_ONE_ROUND, waitKinds(RecordingFile.readAllEvents(jfr2), "main"));
        }
    }

    @Test
    void aLoneAgentJarBringsItsBridgeAlongAndASecondAttachReusesIt() throws Exception {
        Path lone = Files.createDirectories(out.resolve("lone")).resolve("agent.jar");
        Files.copy(ForkedJvm.AGENT_JAR, lone); // without weft-boot.jar beside it
        try (LiveJvm app = LiveJvm.start(out, List.of("-XX:+EnableDynamicAgentLoading"))) {
            String pid = Long.toString(app.pid());
            ChildProcess.Result attach = AgentCliRun.run(lone, List.of(), "attach", pid, "out=" + out, "verbose=true");
            assertEquals(0, attach.exitCode(), attach.toString());
            assertTrue(attach.stdout().contains("(bridge: embedded copy,"), attach.toString());
            app.waits();
            ChildProcess.Result stop = AgentCliRun.run(lone, List.of(), "stop", pid);
            Matcher m = REPORT.matcher(stop.stdout());
            assertTrue(stop.exitCode() == 0 && m.find(), stop.toString());
            assertEquals(WAITS_OF_ONE_ROUND, waitKinds(RecordingFile.readAllEvents(Path.of(m.group(2))), "main"));

            ChildProcess.Result again = AgentCliRun.run(lone, List.of(), "attach", pid, "out=" + out, "verbose=true");
            assertEquals(0, again.exitCode(), again.toString());
            assertTrue(again.stdout().contains("(bridge: already loaded (embedded copy),"), again.toString());
            assertEquals(0, app.exit(0));
        }
    }

    @Test
    void withoutTheAttachModuleListFallsBackAndAttachSaysWhyItCannot() throws Exception {
        try (LiveJvm app = LiveJvm.start(out, List.of())) {
            String pid = Long.toString(app.pid());
            List<String> noAttach = List.of("--limit-modules", "java.base");
            String[] row = listRow(pid, noAttach);
            assertEquals(List.of(pid, "-", LiveApp.class.getName()), List.of(row));

            ChildProcess.Result attach = AgentCliRun.run(ForkedJvm.AGENT_JAR, noAttach, "attach", pid);
            assertEquals(1, attach.exitCode(), attach.toString());
            assertEquals(List.of("[weft] this Java runtime cannot attach to other JVMs (it lacks the module jdk.attach);"
                    + " run the command with a JDK"), attach.err());
            assertEquals(0, app.exit(0));
        }
    }

    @Test
    void attachToAPidWithoutProcessFailsInOneLine() throws Exception {
        ChildProcess.Result r = AgentCliRun.run("attach", "999999999");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("[weft] no process with pid 999999999"), r.err());
        assertEquals("", r.stdout());
    }

    @Test
    void attachRefusedByTheJvmFailsInOneLineAndTheJvmRunsOn() throws Exception {
        try (LiveJvm app = LiveJvm.start(out, List.of("-XX:+DisableAttachMechanism"))) {
            ChildProcess.Result r = AgentCliRun.run("attach", Long.toString(app.pid()));
            assertEquals(1, r.exitCode(), r.toString());
            assertEquals(1, r.err().size(), r.toString());
            assertTrue(r.err().get(0).startsWith("[weft] JVM " + app.pid() + " does not allow attach"), r.toString());
            app.waits();
            assertEquals(5, app.exit(5));
        }
    }

    @Test
    void wrongUsageExitsTwoAndHelpZero() throws Exception {
        ChildProcess.Result noPid = AgentCliRun.run("attach");
        assertEquals(2, noPid.exitCode(), noPid.toString());
        assertTrue(noPid.err().get(0).startsWith("[weft] missing the pid"), noPid.toString());
        assertTrue(noPid.err().get(1).startsWith("usage: java -jar agent.jar attach <pid>"), noPid.toString());

        ChildProcess.Result badOption = AgentCliRun.run("attach", "1", "colour=blue");
        assertEquals(2, badOption.exitCode(), badOption.toString());
        assertTrue(badOption.err().get(0).contains("unknown option 'colour'"), badOption.toString());

        ChildProcess.Result help = AgentCliRun.run("--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.stdout().contains("java -jar agent.jar attach <pid> [option...]"), help.toString());
        assertEquals("", help.stderr());
    }

    private static Path assertStopped(ChildProcess.Result stop, Path jfr) throws Exception {
        assertEquals(0, stop.exitCode(), stop.toString());
        assertEquals("", stop.stderr());
        assertEquals(2, stop.out().size(), stop.toString());
        assertTrue(stop.out().get(0).startsWith("[weft] ") && stop.out().get(0).contains(" threads ("), stop.toString());
        Matcher m = REPORT.matcher(stop.out().get(1));
        assertTrue(m.matches(), stop.toString());
        assertEquals(jfr, Path.of(m.group(2)));
        Path html = Path.of(m.group(1));
        assertEquals(jfr.getParent(), html.getParent());
        assertTrue(Files.size(jfr) > 0 && Files.size(html) > 0);
        return html;
    }

    private static Path recordingPath(String line) {
        Matcher m = RECORDING.matcher(line);
        assertTrue(m.matches(), line);
        return Path.of(m.group(1));
    }

    /** The WEFT column of {@code list} for the JVM {@code pid}. */
    private static String weftColumn(String pid) throws Exception {
        return listRow(pid, List.of())[1];
    }

    private static String[] listRow(String pid, List<String> jvmArgs) throws Exception {
        ChildProcess.Result list = AgentCliRun.run(ForkedJvm.AGENT_JAR, jvmArgs, "list");
        assertEquals(0, list.exitCode(), list.toString());
        assertEquals(List.of("PID", "WEFT", "MAIN"), List.of(list.out().get(0).split("\\s+")), list.toString());
        return list.out().stream().map(l -> l.split("\\s+")).filter(cols -> cols[0].equals(pid)).findFirst()
                .orElseThrow(() -> new AssertionError("pid " + pid + " not listed: " + list));
    }

    /** Every weft.AgentStatus names this recording's options: none is left over from an earlier one. */
    private static void assertStatusOptions(List<RecordedEvent> all, Path outDir) {
        List<RecordedEvent> status = named(all, "weft.AgentStatus");
        assertFalse(status.isEmpty());
        for (RecordedEvent s : status) {
            assertTrue(s.getString("options").contains("out=" + outDir), s.toString());
        }
    }
}
