package dev.weft.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.testing.DiffRecordings;
import dev.weft.reports.testing.Json;
import dev.weft.reports.render.ViewerPage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff} on the command line: its outputs, its usage errors (exit 2) and its data errors (exit 1). */
@SuppressWarnings("unchecked")
class DiffCommandTest {

    @TempDir
    static Path dir;
    static Path before;
    static Path after;

    @BeforeAll
    static void record() throws Exception {
        before = DiffRecordings.sequential(dir.resolve("before.jfr"), DiffRecordings.PHASE);
        after = DiffRecordings.concurrent(dir.resolve("after.jfr"), DiffRecordings.PHASE);
    }

    private static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void jsonHasThePhasesBeforeAndAfterWithTheirRatios() {
        Cli.Result r = Cli.run("diff", before.toString(), after.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        Map<String, Object> json = object(Json.parse(r.out()));
        assertEquals("weft-diff", json.get("schema"));
        assertEquals("before.jfr", object(json.get("before")).get("file"));
        assertEquals("after.jfr", object(json.get("after")).get("file"));
        List<Object> phases = (List<Object>) json.get("phases");
        assertEquals(1, phases.size());
        Map<String, Object> phase = object(phases.get(0));
        assertEquals(DiffRecordings.PHASE_NAME, phase.get("name"));
        assertEquals("name", phase.get("match"));
        Map<String, Object> b = object(phase.get("before"));
        Map<String, Object> a = object(phase.get("after"));
        for (Map<String, Object> side : List.of(b, a)) {
            assertTrue(side.keySet().containsAll(List.of("wallMs", "workMs", "speedUp", "waitingMs", "waitingByKind")), side.toString());
        }
        double task = DiffRecordings.TASK_MILLIS;
        assertTrue(number(b.get("wallMs")) >= DiffRecordings.TASKS * task, b.toString());
        // four tasks at once on two cores, maybe among other builds; a confused diff gives about 1
        assertTrue(number(a.get("speedUp")) > 1.5, a.toString());
        Map<String, Object> ratios = object(phase.get("ratios"));
        assertEquals(number(a.get("wallMs")) / number(b.get("wallMs")), number(ratios.get("wall")), 0.001);
        assertTrue(number(ratios.get("speedUp")) > 1.5, ratios.toString());
        assertTrue(object(ratios.get("waitingByKind")).containsKey("join"), "a kind only after has a ratio entry");
        assertNull(object(ratios.get("waitingByKind")).get("join"), "and no ratio from nothing: null");
        Map<String, Object> pool = ((List<Object>) json.get("threads")).stream().map(DiffCommandTest::object)
                .filter(t -> "pool-1-thread-N".equals(t.get("name"))).findFirst().orElseThrow();
        assertEquals(true, pool.get("group"));
        assertEquals(0.0, number(object(pool.get("before")).get("threads")));
        assertEquals((double) DiffRecordings.TASKS, number(object(pool.get("after")).get("threads")));
    }

    @Test
    void htmlGoesBesideTheSecondRecordingOrWhereToldAndCarriesBothRecordings() throws Exception {
        Cli.Result r = Cli.run("diff", before.toString(), after.toString());
        assertEquals(0, r.code(), r.err());
        Path html = dir.resolve("after.diff.html");
        assertEquals(html.toString(), r.out().strip());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("content=\"" + ViewerPage.DIFF.policy() + "\""), "the page's policy, by hash");
        assertTrue(page.contains("\"format\":\"weft-diff-page\""));
        assertTrue(page.contains("\"source\":\"before.jfr\"") && page.contains("\"source\":\"after.jfr\""),
                "both timelines' data");

        Path named = dir.resolve("out/lesson.html");
        Cli.Result o = Cli.run("diff", before.toString(), after.toString(), "-o", named.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.size(named) > 10_000);
    }

    @Test
    void usageErrorsExitWithTwo() {
        for (String[] args : List.of(new String[] {"diff"}, new String[] {"diff", before.toString()},
                new String[] {"diff", before.toString(), after.toString(), after.toString()},
                new String[] {"diff", before.toString(), after.toString(), "--bogus"},
                new String[] {"diff", before.toString(), after.toString(), "-o", before.toString()})) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("usage: java -jar reports.jar diff"), r.err());
            assertEquals(2, r.errLines().length, "one line and a usage hint: " + r.err());
        }
    }

    @Test
    void aRecordingThatCannotBeReadExitsWithOne() throws Exception {
        Path missing = dir.resolve("missing.jfr");
        Cli.Result r = Cli.run("diff", before.toString(), missing.toString(), "--json");
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("missing.jfr"), r.err());
        Path text = Files.writeString(dir.resolve("text.jfr"), "not a recording");
        Cli.Result t = Cli.run("diff", text.toString(), after.toString());
        assertEquals(1, t.code(), t.err());
        assertTrue(t.err().contains("text.jfr"), t.err());
        assertFalse(Files.exists(dir.resolve("after.diff.html.tmp")));
    }

    @Test
    void helpNamesTheCommand() {
        Cli.Result r = Cli.run("diff", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--json"));
        Cli.Result main = Cli.run("--help");
        assertTrue(main.out().contains("  diff "), main.out());
    }
}
