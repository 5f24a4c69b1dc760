package dev.weft.reports.cli;

import static dev.weft.reports.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.model.Model;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.DemoRecording;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @RegisterExtension
    static final DemoRecording DEMO = new DemoRecording();

    private static void assertUsage(Cli.Result r) {
        assertEquals(2, r.code(), r.err());
        assertEquals(2, r.errLines().length, "one line and a usage hint: " + r.err());
        assertTrue(r.errLines()[0].startsWith("weft-reports: "), r.err());
        assertTrue(r.errLines()[1].startsWith("usage: java -jar reports.jar"), r.err());
        assertEquals("", r.out());
    }

    private static void assertFailure(Cli.Result r, String expected) {
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.errLines().length, "one line: " + r.err());
        assertTrue(r.err().startsWith("weft-reports: cannot read "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals("", r.out());
    }

    @Test
    void writesTheHtmlNextToTheRecordingByDefault() throws Exception {
        Cli.Result r = run(DEMO.jfr().toString());
        assertEquals(0, r.code(), r.err());
        Path html = DEMO.resolve("app.html");
        assertEquals(html.toString(), r.out().strip());
        assertTrue(Files.size(html) > 10_000);
        assertTrue(Files.readString(html).contains("Scenario02Concurrent.run"));
    }

    @Test
    void theExplicitHtmlCommandAcceptsAnOutputFile() throws Exception {
        Path out = DEMO.resolve("elsewhere/report.html");
        Cli.Result r = run("html", DEMO.jfr().toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(out.toString(), r.out().strip());
        assertTrue(Files.exists(out));
        Path out2 = DEMO.resolve("second.html");
        assertEquals(0, run("--output=" + out2, DEMO.jfr().toString()).code());
        assertTrue(Files.exists(out2));
    }

    @Test
    void summaryPrintsATable() {
        Cli.Result r = run("summary", DEMO.jfr().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Phase"), r.out());
        assertTrue(r.out().contains("Scenario01Sequential.run"));
        assertTrue(r.out().contains("Scenario02Concurrent.run"));
        assertTrue(r.out().contains("Blocked by kind"));
        assertTrue(r.out().contains("join"));
        assertTrue(r.out().contains("Alive at exit: 1 thread was still running"));
        assertTrue(r.out().contains("forgotten"));
        assertEquals(List.of(), r.out().lines().filter(l -> l.length() > 120).toList(), "fits a terminal");
        assertEquals("", r.err());
    }

    @Test
    void aThreadAliveAtExitWithALongActivityStillFitsTheTerminal(@TempDir Path tmp) throws Exception {
        Path file = Recordings.record(tmp.resolve("alive.jfr"), true, () -> {
            WeftEvents.ThreadAliveAtExit e = new WeftEvents.ThreadAliveAtExit();
            e.threadId = 77;
            e.threadName = "a-thread-name-longer-than-the-thirty-columns-it-gets";
            e.daemon = true;
            e.state = "TIMED_WAITING (parking) for a long while";
            e.activity = "java.util.concurrent.locks.LockSupport.parkNanos(java.lang.Object, long) line: 269 "
                    + "in a frame whose text goes on and on";
            e.commit();
        });
        Cli.Result r = run("summary", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("at java.util.concurrent.locks.LockSupport"), r.out());
        assertEquals(List.of(), r.out().lines().filter(l -> l.length() > 120).toList(), "fits a terminal");
    }

    @Test
    void helpOnMainAndOnEachCommand() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            Cli.Result r = run(args);
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Usage: java -jar reports.jar"), r.out());
            assertTrue(r.out().contains("summary"));
        }
        Cli.Result html = run("html", "--help");
        assertEquals(0, html.code());
        assertTrue(html.out().contains("-o, --output"));
        Cli.Result summary = run("summary", "--help");
        assertEquals(0, summary.code());
        assertTrue(summary.out().contains("summary <file.jfr>"));
        assertEquals(0, run("help", "summary").code());
        assertEquals(0, run("--version").code());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertUsage(run());
        assertUsage(run("--bogus"));
        assertUsage(run("html"));
        assertUsage(run("a.jfr", "b.jfr"));
        assertUsage(run(DEMO.jfr().toString(), "-o"));
        assertUsage(run(DEMO.jfr().toString(), "-o", "x.html", "-o", "y.html"));
        assertUsage(run("summary"));
        assertUsage(run("summary", DEMO.jfr().toString(), "-o", "x.html"));
        assertUsage(run("json"));
        assertUsage(run("trace", DEMO.jfr().toString(), "--top", "3"));
        assertUsage(run("help", "nope"));
        assertUsage(run(DEMO.jfr().toString(), "-o", DEMO.jfr().toString()));
    }

    @Test
    void unreadableFilesExitWithOneAndOneLine() throws Exception {
        assertFailure(run(DEMO.resolve("missing.jfr").toString()), "no such file");
        assertFailure(run("summary", DEMO.resolve("missing.jfr").toString()), "no such file");
        assertFailure(run(DEMO.dir().toString()), "directory");
        Path empty = Files.createFile(DEMO.resolve("empty.jfr"));
        assertFailure(run(empty.toString()), "empty");
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Path garbage = Files.write(DEMO.resolve("garbage.jfr"), noise);
        assertFailure(run(garbage.toString()), "not a JFR recording");
        byte[] all = Files.readAllBytes(DEMO.jfr());
        Path truncated = Files.write(DEMO.resolve("truncated.jfr"), Arrays.copyOf(all, all.length / 2));
        assertFailure(run(truncated.toString()), "truncated");
        assertFailure(run("summary", truncated.toString()), "truncated");
        // a JFR header followed by noise
        byte[] corrupt = Arrays.copyOf(all, 8192);
        new Random(2).nextBytes(noise);
        System.arraycopy(noise, 0, corrupt, 100, 4096);
        Path bad = Files.write(DEMO.resolve("corrupt.jfr"), corrupt);
        Cli.Result r = run(bad.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(Files.notExists(DEMO.resolve("truncated.html")) && Files.notExists(DEMO.resolve("garbage.html")));
    }

    @Test
    void aRecordingDamagedAfterItsFirstChunkGivesAPartialReportAndAWarning() throws Exception {
        // JFR files are sequences of chunks: a whole recording followed by half of another one
        byte[] all = Files.readAllBytes(DEMO.jfr());
        byte[] damaged = Arrays.copyOf(all, all.length + all.length / 2);
        System.arraycopy(all, 0, damaged, all.length, all.length / 2);
        Path file = Files.write(DEMO.resolve("damaged.jfr"), damaged);
        Model model = Reports.analyse(file).model();
        assertTrue(model.partial());
        assertTrue(model.warnings().get(0).startsWith("the recording is truncated: chunk 2 declares"),
                model.warnings().toString());
        // only the sound chunks go to the parser, so no event of them is lost to the damage after them
        assertEquals(Reports.analyse(DEMO.jfr()).model().eventCount(), model.eventCount(), "the first chunk was read");

        Cli.Result r = run(file.toString(), "-o", DEMO.resolve("damaged.html").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.errLines().length);
        assertTrue(r.err().startsWith("weft-reports: warning: "), r.err());
        assertTrue(Files.readString(DEMO.resolve("damaged.html")).contains("\"partial\":true"));
        assertTrue(run("summary", file.toString()).out().contains("PARTIAL"));
    }

    @Test
    void anUnwritableOutputExitsWithOne() throws Exception {
        Path file = Files.writeString(DEMO.resolve("a-file"), "x");
        Cli.Result r = run(DEMO.jfr().toString(), "-o", file.resolve("report.html").toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("weft-reports: cannot write "), r.err());
    }

    @Test
    void defaultOutputNames() {
        assertEquals(Path.of("d/app.html"), HtmlCommand.defaultOutput(Path.of("d/app.jfr")));
        assertEquals(Path.of("APP.html"), HtmlCommand.defaultOutput(Path.of("APP.JFR")));
        assertEquals(Path.of("rec.bin.html"), HtmlCommand.defaultOutput(Path.of("rec.bin")));
        assertEquals(Path.of(".jfr.html"), HtmlCommand.defaultOutput(Path.of(".jfr")));
    }

    @Test
    void phasesPicksTheMethodsThatArePhases() {
        Cli.Result r = run("summary", "--phases", "dev.weft.demo.Scenario02Concurrent::task;@not.Matchable", DEMO.jfr().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Scenario02Concurrent.task"), r.out());
        assertTrue(!r.out().contains("Scenario01Sequential.run"), "only the named method's calls are phases: " + r.out());
        assertTrue(r.out().contains("annotation entries cannot be matched"), "says what it ignored: " + r.out());
    }
}
