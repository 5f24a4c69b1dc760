package dev.weft.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.testing.DemoRecording;
import dev.weft.reports.render.ViewerPage;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HtmlCommandTest {

    @RegisterExtension
    static final DemoRecording DEMO = new DemoRecording();

    @Test
    void aDashForOutputMeansStandardOutput() throws Exception {
        // the bug wrote a file named "-" into the working directory and printed its name
        Path dash = Path.of(Output.STDOUT);
        Files.deleteIfExists(dash);
        try {
            Cli.Result r = Cli.run("html", DEMO.jfr().toString(), "-o", "-");
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("<!DOCTYPE html>"), () -> r.out().substring(0, Math.min(80, r.out().length())));
            assertTrue(r.out().strip().endsWith("</html>"), "the whole page, nothing after it");
            assertTrue(r.out().contains("Scenario02Concurrent.run"), "with the recording's data");
            assertTrue(r.out().contains("content=\"" + ViewerPage.TIMELINE.policy() + "\""), "and the report's policy");
            assertFalse(Files.exists(dash), "no file named '-'");
            assertFalse(Files.exists(DEMO.resolve("app.html")), "nor the default file");
        } finally {
            Files.deleteIfExists(dash);
        }
    }

    @Test
    void theLongOptionWithADashToo() throws Exception {
        Path dash = Path.of(Output.STDOUT);
        try {
            Cli.Result r = Cli.run("--output=-", DEMO.jfr().toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("<!DOCTYPE html>"));
            assertFalse(Files.exists(dash));
        } finally {
            Files.deleteIfExists(dash);
        }
    }
}
