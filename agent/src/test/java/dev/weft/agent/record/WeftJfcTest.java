package dev.weft.agent.record;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.weft.agent.AgentHealth;
import dev.weft.testkit.ChildProcess;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The shipped {@code weft.jfc} is Weft's recording settings, read the way JFR reads it, so the two can
 * never drift apart: change {@link WeftRecording#settings} and this fails until the .jfc says the same;
 * and the agent's own recording differs from it only where the advice makes up for it.
 */
class WeftJfcTest {

    private static Configuration parse(Reader reader) throws Exception {
        return Configuration.create(reader);
    }

    /** Sorted, so that a difference shows up side by side in the failure message. */
    private static Map<String, String> sorted(Map<String, String> settings) {
        return new TreeMap<>(settings);
    }

    private static Configuration shipped() throws Exception {
        InputStream in = WeftJfcTest.class.getResourceAsStream("/weft.jfc");
        assertNotNull(in, "weft.jfc is a resource of the agent");
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    @Test
    void jfcEqualsTheSettingsOfRecordingsWithoutTheAgent() throws Exception {
        assertEquals(sorted(WeftRecording.settings(false)), sorted(shipped().getSettings()));
    }

    /**
     * The recording the agent really starts is the .jfc but for the JVM's sleep event: from JDK 19 on
     * {@code Thread.sleep(long)} is Java code the advice wraps, so a second event per sleep is left
     * out; on 17 it is native, out of the advice's reach, and the JVM's event records every sleep.
     */
    @Test
    void theAgentsRecordingIsTheJfcButForTheSleepEvent(@TempDir Path dir) throws Exception {
        Recording r = WeftRecording.start(dir.resolve("agent.jfr"), false, 0, 0, new AgentHealth(), "", "", "");
        try {
            Map<String, String> expected = sorted(shipped().getSettings());
            if (Runtime.version().feature() >= 19) {
                expected.put("jdk.ThreadSleep#enabled", "false");
            } else {
                expected.put("jdk.ThreadSleep#threshold", "0 ms");
            }
            assertEquals(expected, sorted(r.getSettings()));
        } finally {
            r.close();
            WeftRecording.removeHooks();
        }
    }

    @Test
    void jfcIsLabelledForJmcsTemplateManager() throws Exception {
        Configuration c = shipped();
        assertEquals("Weft", c.getLabel());
        assertEquals("Weft", c.getProvider());
    }

    /** Its option {@code stacks=true} (as in -XX:StartFlightRecording:settings=weft.jfc,stacks=true) is the agent's stacks=true. */
    @Test
    void stacksOptionEqualsTheAgentsStacksSettings(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("weft.jfc");
        try (InputStream in = WeftJfcTest.class.getResourceAsStream("/weft.jfc")) {
            Files.copy(in, input);
        }
        Path output = dir.resolve("weft-stacks.jfc");
        // the JDK's own tool applies the option, exactly as the JVM does on the command line
        Path jfrTool = Path.of(System.getProperty("java.home"), "bin", "jfr");
        ChildProcess.Result configure = ChildProcess.run(List.of(jfrTool.toString(), "configure", "--input",
                input.toString(), "stacks=true", "--output", output.toString()), dir);
        assertEquals(0, configure.exitCode(), configure.toString());
        try (Reader reader = Files.newBufferedReader(output)) {
            assertEquals(sorted(WeftRecording.settings(true)), sorted(parse(reader).getSettings()));
        }
    }
}
