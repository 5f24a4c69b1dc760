package dev.weft.agent.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.AgentHealth;
import dev.weft.agent.AgentOptions;
import dev.weft.agent.Console;
import dev.weft.boot.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitReportTest {

    @TempDir
    Path dir;

    private final List<String> said = new ArrayList<>();

    @AfterEach
    void quiet() {
        Console.relayTo(null);
    }

    private List<String> write(boolean verbose) throws Exception {
        Path jfr = Files.writeString(dir.resolve("r.jfr"), "not read: no HTML asked for");
        Recorder.suppressed(new IllegalStateException("thrown inside advice"));
        Console.relayTo(said::add);
        new ExitReport(jfr, null, new AgentHealth(), verbose, AgentOptions.DEFAULT_REPORT_TIMEOUT_MILLIS,
                AgentOptions.DEFAULT_REPORT_HEAP).write();
        return said;
    }

    @Test
    void verboseShowsTheFirstSuppressedErrorWithItsStack() throws Exception {
        List<String> lines = write(true);
        int at = lines.indexOf("first error suppressed inside Weft's advice (of " + Recorder.suppressedCount() + "):");
        assertTrue(at >= 0, lines.toString());
        String[] stack = AgentHealth.stackText(Recorder.firstSuppressed()).split("\n");
        assertEquals("  " + stack[0], lines.get(at + 1));
        assertTrue(lines.get(at + 2).startsWith("  \tat "), lines.toString());
        assertTrue(lines.get(lines.size() - 1).contains("suppressed advice errors"), "then the usual line: " + lines);
    }

    @Test
    void withoutVerboseOnlyTheCountIsSaid() throws Exception {
        List<String> lines = write(false);
        assertEquals(1, lines.size(), lines.toString());
        assertFalse(lines.get(0).contains("\tat "));
        assertTrue(lines.get(0).contains(Recorder.suppressedCount() + " suppressed advice errors"), lines.toString());
    }
}
