package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fixture.FixtureApp;
import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit report is rendered in a child JVM, within a budget: the application's own JVM never
 * loads the reader, a SIGTERM'd JVM with a large recording exits within its budget, and a report
 * that is skipped names the command that renders it later. The child runs on the application's own
 * JDK: that it does on each one Weft supports is asserted here and by every exit path of {@code EveryJdkIT}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class ExitReportIT {

    private static final Pattern SKIPPED = Pattern.compile(
            "\\[weft\\] report skipped: rendering the [0-9.]+ MB recording took more than \\d+ s \\(reporttimeout=(\\d+)s\\);"
            + " render it with: java -jar reports.jar html (\\S+\\.jfr) -o (\\S+\\.html)");

    @TempDir
    Path out;

    @ParameterizedTest
    @MethodSource("dev.weft.testkit.Jdks#required")
    void theApplicationJvmNeverLoadsTheReaderTheChildDoes(Jdk jdk) throws Exception {
        Path classes = out.resolve("classes.txt");
        ForkedJvm.Result r = run(jdk, "out=" + out, List.of("-Xlog:class+load=info:file=" + classes), "quick");
        assertEquals(0, r.exitCode(), r.stderr());
        String loaded = Files.readString(classes, StandardCharsets.UTF_8);
        Files.delete(classes);
        assertTrue(loaded.contains("dev.weft.agent.exit.ExitReport "), "the log lists the agent's classes");
        assertFalse(loaded.contains("dev.weft.reports.read.JfrReader"), "the report is read elsewhere");
        assertFalse(loaded.contains("dev.weft.reports.render.HtmlRenderer"), "and written elsewhere");
        Path html = r.only(".html");
        assertTrue(Files.readString(html, StandardCharsets.UTF_8).contains("weft-data"), "a report was written");
        assertTrue(r.weftLines().stream().anyMatch(l -> l.startsWith("[weft] report: " + html)), r.stderr());
    }

    @ParameterizedTest
    @MethodSource("dev.weft.testkit.Jdks#required")
    void theChildKeepsAClassArchiveBesideTheAgentFromJdk19On(Jdk jdk) throws Exception {
        Path jar = Files.createDirectories(out.resolve("install")).resolve("agent.jar");
        Files.copy(ForkedJvm.AGENT_JAR, jar);
        List<FileTime> written = new ArrayList<>();
        for (String run : List.of("first", "second")) {
            Path dir = Files.createDirectories(out.resolve(run));
            String agent = ForkedJvm.agent("out=" + dir).replace(ForkedJvm.AGENT_JAR.toString(), jar.toString());
            ForkedJvm.Result r;
            try (ChildProcess child = ForkedJvm.startWith(jdk, dir, List.of(agent), List.of(), FixtureApp.class.getName(),
                    "quick")) {
                r = ForkedJvm.Result.of(child.await(ChildProcess.DEFAULT_TIMEOUT), dir);
            }
            assertEquals(0, r.exitCode(), r.stderr());
            Path html = r.only(".html");
            assertTrue(r.weftLines().stream().anyMatch(l -> l.startsWith("[weft] report: " + html)), r.stderr());
            assertFalse(r.stderr().contains("cds") || r.stderr().contains("shared archive"), r.stderr());
            try (var files = Files.list(jar.getParent())) {
                List<Path> archives = files.filter(f -> !f.equals(jar)).toList();
                if (jdk.feature() < 19) {
                    assertEquals(List.of(), archives, "JDK 17 crashed on a truncated archive: its child gets none");
                    return;
                }
                assertEquals(1, archives.size(), "one archive, no file half written: " + archives);
                assertTrue(archives.get(0).getFileName().toString().endsWith(".jsa"), archives.toString());
                written.add(Files.getLastModifiedTime(archives.get(0)));
            }
        }
        assertEquals(written.get(0), written.get(1), "the second child mapped the archive the first one wrote");
    }

    @Test
    void reportTimeoutZeroKeepsTheRecordingAndNamesTheCommand() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(out, "out=" + out + ",reporttimeout=0", "quick");
        assertEquals(0, r.exitCode(), r.stderr());
        Path jfr = r.only(".jfr");
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".html")), "no report rendered");
        }
        String html = jfr.toString().replaceFirst("\\.jfr$", ".html");
        assertEquals(List.of("[weft] recording: " + jfr + " (no report at exit: reporttimeout=0); render it with: "
                + "java -jar reports.jar html " + jfr + " -o " + html), r.weftLines());
    }

    @Test
    void aSigtermedJvmWithALargeRecordingExitsWithinItsBudget() throws Exception {
        ForkedJvm.Result r;
        long millis;
        try (ChildProcess p = ForkedJvm.start(ForkedJvm.TEST_JDK, out, "out=" + out + ",reporttimeout=2s,workload=" + FixtureApp.TICK,
                List.of(), FixtureApp.class.getName(), "busy", "300000")) { // about 8 MB
            p.awaitLine("READY", ChildProcess.DEFAULT_TIMEOUT);
            long t0 = System.nanoTime();
            p.terminate();
            ChildProcess.Result ended = p.await(Duration.ofSeconds(60));
            millis = (System.nanoTime() - t0) / 1_000_000;
            r = ForkedJvm.Result.of(ended, out);
        }
        assertEquals(143, r.exitCode(), r.stderr());
        Path jfr = r.only(".jfr");
        assertTrue(Files.size(jfr) > 5_000_000, "a large recording: " + Files.size(jfr) + " bytes");
        // the budget covers the rendering; JFR's own copy of the recording comes before it (bounded by 10 s)
        assertTrue(millis < 12_000, "exited " + millis + " ms after SIGTERM; " + r.stderr());
        System.out.printf("SIGTERM with a %.1f MB recording, reporttimeout=2s: exited after %d ms%n",
                Files.size(jfr) / 1048576.0, millis);
        Matcher skipped = r.weftLines().stream().map(SKIPPED::matcher).filter(Matcher::matches).findFirst().orElse(null);
        if (skipped != null) {
            assertEquals("2", skipped.group(1));
            assertEquals(jfr.toString(), skipped.group(2));
            Path html = Path.of(skipped.group(3));
            assertFalse(Files.exists(html), "skipped: no half-written report");
            // the command it names renders the file: the same library, here in the test's JVM
            dev.weft.reports.Reports.writeHtml(jfr, html);
            assertTrue(Files.size(html) > 0);
        } else {
            assertTrue(r.weftLines().stream().anyMatch(l -> l.startsWith("[weft] report: ")),
                    "rendered within 2 s, or skipped in one line: " + r.stderr());
        }
    }

    @Test
    void aSmallMaxsizeKeepsTheNewestDataAndTheReportSaysWhatItCovers() throws Exception {
        ForkedJvm.Result r;
        try (ChildProcess p = ForkedJvm.start(ForkedJvm.TEST_JDK, out,
                "out=" + out + ",maxsize=2m,report=none,workload=" + FixtureApp.TICK,
                List.of("-XX:FlightRecorderOptions:maxchunksize=1M"), FixtureApp.class.getName(), "busy", Long.toString(BUSY_CALLS),
                Integer.toString(BUSY_ROUNDS))) {
            p.awaitLine("READY", ChildProcess.DEFAULT_TIMEOUT);
            p.terminate();
            r = ForkedJvm.Result.of(p.await(Duration.ofSeconds(60)), out);
        }
        Path jfr = r.only(".jfr");
        // 1.7 million workload spans, about 22 MB, in six rounds a rotation apart. How much JFR keeps depends on
        // when it rotates (2-3 MB on a quiet machine, 9.3 MB seen under load): what holds is that spans were
        // dropped, and the warning says they were the oldest
        var model = dev.weft.reports.Reports.analyse(jfr).model();
        assertFalse(model.partial(), "every span kept is counted: " + model.partialReason());
        long kept = model.threads().stream().filter(t -> t.name().startsWith("fixture-busy-"))
                .mapToLong(t -> t.workloads().size()).sum();
        long made = 2 * (BUSY_CALLS / BUSY_ROUNDS) * BUSY_ROUNDS; // two threads, whole rounds
        assertTrue(kept < made, "JFR dropped the oldest chunks: " + kept + " of " + made + " spans kept, "
                + Files.size(jfr) + " bytes");
        List<String> warnings = model.warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("the recording covers only the last ")
                && w.endsWith("older data was dropped by maxsize=2 MB")), warnings.toString());
    }

    private static final long BUSY_CALLS = 850_000;
    private static final int BUSY_ROUNDS = 6;

    @Test
    void aRecordingLargerThanTheReportHeapIsRenderedInPartAndTheLineSaysSo() throws Exception {
        ForkedJvm.Result r;
        try (ChildProcess p = ForkedJvm.start(ForkedJvm.TEST_JDK, out, "out=" + out + ",reportheap=32m,workload=" + FixtureApp.TICK,
                List.of(), FixtureApp.class.getName(), "busy", "150000")) { // 300,000 spans: more than 32 MB of model
            p.awaitLine("READY", ChildProcess.DEFAULT_TIMEOUT);
            p.terminate();
            r = ForkedJvm.Result.of(p.await(Duration.ofSeconds(90)), out);
        }
        assertEquals(143, r.exitCode(), r.stderr());
        Path jfr = r.only(".jfr");
        Path html = r.only(".html");
        List<String> lines = r.weftLines();
        assertTrue(lines.get(lines.size() - 2).endsWith("; the report is partial (its notes say why): if the heap was"
                + " short (reportheap=32m), render it all with: java -Xmx1g -jar reports.jar html " + jfr + " -o " + html),
                r.stderr());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("were left out; event counts cover it all"), "the report's notes say what is missing");
        assertTrue(page.contains("the timeline shows its first "), "and how far the timeline goes");
    }

    private ForkedJvm.Result run(Jdk jdk, String agentArgs, List<String> jvmArgs, String... args) throws Exception {
        try (ChildProcess child = ForkedJvm.start(jdk, out, agentArgs, jvmArgs, FixtureApp.class.getName(), args)) {
            return ForkedJvm.Result.of(child.await(ChildProcess.DEFAULT_TIMEOUT), out);
        }
    }
}
