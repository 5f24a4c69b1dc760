package dev.weft.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.docs.GeneratedDocs;
import dev.weft.docs.JsonShape;
import dev.weft.reports.model.WaitKinds;
import dev.weft.reports.testing.DiffRecordings;
import dev.weft.reports.testing.Json;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.Scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/reports-cli.md holds the reports CLI as it is: the commands with their usage and summary, each
 * command's {@code --help}, and the fields of the JSON documents as {@code json} and {@code diff --json}
 * really write them. When this fails, regenerate the blocks:
 * {@code mvn -pl reports test -Dtest=ReportsCliDocsTest -Dweft.fix.docs=true}.
 */
@SuppressWarnings("unchecked")
class ReportsCliDocsTest {

    static final String DOC = "docs/reports-cli.md";

    private static final JsonShape SHAPE = new JsonShape(k -> WaitKinds.of(k) != null);

    @TempDir
    static Path dir;
    /** The demo's summary: every field there, and every array with elements, but for warnings. */
    static Map<String, Object> summary;
    /** A recording made without the agent: its summary has warnings. */
    static Map<String, Object> plain;

    @BeforeAll
    static void record() throws Exception {
        summary = json("json", Scenarios.demo(dir.resolve("app.jfr")).jfr().toString());
        plain = json("json", Recordings.record(dir.resolve("plain.jfr"), false, () -> Thread.sleep(20)).toString());
    }

    private static Map<String, Object> json(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        return (Map<String, Object>) Json.parse(r.out());
    }

    /** Whether the table shows a field the samples left empty or only null, so that its shape is unknown. */
    private static void assertComplete(String table) {
        assertFalse(table.contains("{}") || table.matches("(?s).*\\[\\](?!`).*") || table.contains("null"),
                "the samples leave a field empty:\n" + table);
    }

    @Test
    void theCommandTableIsTheCommandsOwn() {
        StringBuilder b = new StringBuilder("| command | what it does |\n|---|---|\n");
        for (Command c : Main.COMMANDS) {
            b.append("| `").append(c.usage().replace("|", "\\|")).append("` | ").append(c.summary()).append(" |\n");
        }
        GeneratedDocs.check(DOC, "commands", b.toString());
    }

    /** A block per command, so a new command cannot go undocumented; its help begins with its usage line. */
    @Test
    void eachCommandsHelpIsItsHelp() {
        for (Command c : Main.COMMANDS) {
            Cli.Result r = Cli.run(c.name(), "--help");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("Usage: " + Main.PROGRAM + " " + c.usage() + "\n"),
                    "the usage line (in the command table and usage errors) and the help agree: " + c.usage());
            GeneratedDocs.check(DOC, "help-" + c.name(), GeneratedDocs.textBlock(r.out()));
        }
    }

    @Test
    void theSummaryFieldsAreThoseJsonWrites() {
        String table = SHAPE.markdownTable((Map<String, Object>) JsonShape.merge(List.of(summary, plain)));
        assertComplete(table);
        GeneratedDocs.check(DOC, "json-fields", table);
    }

    @Test
    void theDiffFieldsAreThoseDiffJsonWrites() throws Exception {
        // a run against itself: every side and ratio has a value (before a concurrent run, a sequential one has no waits)
        Path run = DiffRecordings.concurrent(dir.resolve("run.jfr"), DiffRecordings.PHASE);
        String table = SHAPE.markdownTable(json("diff", run.toString(), run.toString(), "--json"));
        assertComplete(table);
        GeneratedDocs.check(DOC, "diff-json-fields", table);
    }

    /**
     * The schema in {@code json --help} is hand-written: it names every field the command writes, and
     * each field it starts a line with is one the command writes at the top.
     */
    @Test
    void theJsonHelpNamesEveryFieldItWrites() {
        Map<String, Object> json = summary;
        String help = new JsonCommand().help();
        String schema = help.substring(help.indexOf("Schema ("), help.indexOf("Exit codes"));
        List<String> missing = new ArrayList<>();
        for (String field : SHAPE.fieldNames(json)) {
            if (!Pattern.compile("\\b" + Pattern.quote(field) + "\\b").matcher(schema).find()) {
                missing.add(field);
            }
        }
        assertEquals(List.of(), missing, "fields json writes that its --help does not name");
        Matcher line = Pattern.compile("(?m)^  (\\w+)[\\[ ,]").matcher(schema);
        int lines = 0;
        while (line.find()) {
            assertTrue(json.containsKey(line.group(1)), "json --help lists '" + line.group(1) + "', which json does not write");
            lines++;
        }
        assertTrue(lines >= 10, "the top-level fields were read from the help: " + lines);
    }

}
