package dev.weft.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.testing.BoundedProcess;
import dev.weft.reports.testing.ExternalTools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's scripts under Node.js: the assembled template's script parses, and the pure functions
 * of the parts (formatting, the model, the step series, groups and layout, the level of detail, the
 * descriptions) pass their unit tests in {@code src/test/viewer} ({@code node --test}). The browser
 * tests then exercise the assembled page as a whole.
 */
class ViewerScriptsTest {

    static final ExternalTools.Found node = ExternalTools.node();

    @TempDir
    Path dir;

    @BeforeEach
    void needsNode() {
        ExternalTools.require("the viewer's script tests (node)", node);
    }

    @Test
    @Timeout(120)
    void theAssembledScriptParses() throws IOException {
        assertScriptParses(ViewerPage.TIMELINE.text());
    }

    @Test
    @Timeout(120)
    void theDiffPagesScriptParses() throws IOException {
        assertScriptParses(ViewerPage.DIFF.text());
    }

    private void assertScriptParses(String template) throws IOException {
        Matcher m = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(template);
        assertTrue(m.find(), "the template has an inline script");
        Path js = Files.writeString(dir.resolve("timeline.js"), m.group(1));
        assertFalse(m.find(), "and only one: the policy allows one, by its hash");
        BoundedProcess.Result r = BoundedProcess.run(List.of(node.path().toString(), "--check", js.toString()), Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    @Timeout(120)
    void theLivePagesAssembledScriptParses() throws IOException {
        String page;
        try (var in = ViewerScriptsTest.class.getResourceAsStream("/dev/weft/reports/render/live.html")) {
            assertTrue(in != null, "the build assembled the live page");
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "the live page has an inline script");
        Path js = Files.writeString(dir.resolve("live.js"), m.group(1));
        assertFalse(m.find(), "and only one: the policy allows one, by its hash");
        assertFalse(page.contains("@include"), "every part was put in");
        BoundedProcess.Result r = BoundedProcess.run(List.of(node.path().toString(), "--check", js.toString()), Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    @Timeout(300)
    void thePureFunctionsPassTheirNodeTests() throws IOException {
        Path tests = Path.of(System.getProperty("weft.viewer.tests", "src/test/viewer"));
        List<String> command = new ArrayList<>(List.of(node.path().toString(), "--test", "--test-reporter=tap"));
        int declared = 0;
        try (Stream<Path> files = Files.list(tests)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".test.js")).sorted().toList()) {
                command.add(f.toAbsolutePath().toString());
                declared += count(Files.readString(f), "\ntest(");
            }
        }
        assertTrue(declared > 0, "test files in " + tests.toAbsolutePath());
        BoundedProcess.Result r = BoundedProcess.run(command, tests, Duration.ofSeconds(240));
        System.out.println(r.output());
        assertFalse(r.timedOut(), "node --test finished within its time");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(0, summary(r.output(), "fail"), r.output());
        assertEquals(0, summary(r.output(), "skipped") + summary(r.output(), "todo") + summary(r.output(), "cancelled"),
                "nothing skipped:\n" + r.output());
        assertEquals(declared, summary(r.output(), "pass"), "every declared test ran and passed");
    }

    /** A number from TAP's closing lines, e.g. {@code # pass 38}. */
    private static int summary(String tap, String key) {
        Matcher m = Pattern.compile("^# " + key + " (\\d+)$", Pattern.MULTILINE).matcher(tap);
        assertTrue(m.find(), "TAP summary line '# " + key + "' in:\n" + tap);
        return Integer.parseInt(m.group(1));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
