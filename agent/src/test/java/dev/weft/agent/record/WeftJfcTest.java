package dev.weft.agent.record;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped {@code weft.jfc} is the agent's own recording settings, read the way JFR reads it,
 * so the two can never drift apart: change {@link WeftRecording#settings} and this fails until the
 * .jfc says the same.
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
    void jfcEqualsTheAgentsSettings() throws Exception {
        assertEquals(sorted(WeftRecording.settings(false)), sorted(shipped().getSettings()));
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
        Process p = new ProcessBuilder(jfrTool.toString(), "configure", "--input", input.toString(),
                "stacks=true", "--output", output.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jfr configure finishes");
        assertEquals(0, p.exitValue(), log);
        try (Reader reader = Files.newBufferedReader(output)) {
            assertEquals(sorted(WeftRecording.settings(true)), sorted(parse(reader).getSettings()));
        }
    }
}
