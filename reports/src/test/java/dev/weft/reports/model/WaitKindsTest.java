package dev.weft.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one list of wait kinds, and the README's table generated from it. */
class WaitKindsTest {

    private static final String BEGIN = "<!-- kinds:begin (generated from WaitKinds; WaitKindsTest keeps it so) -->\n";
    private static final String END = "<!-- kinds:end -->";

    @Test
    void everyKindHasItsOwnColourAndOnlyIdleIsIdle() {
        List<WaitKinds.Kind> all = WaitKinds.all();
        assertEquals(all.size(), new HashSet<>(all.stream().map(WaitKinds.Kind::color).toList()).size());
        assertEquals(List.of("idle"), all.stream().filter(WaitKinds.Kind::idle).map(WaitKinds.Kind::name).toList());
        assertTrue(WaitKinds.order("sleep") < WaitKinds.order("io"));
        assertEquals(Integer.MAX_VALUE, WaitKinds.order("a-kind-of-a-newer-agent"));
    }

    /**
     * The README's kind table is {@link WaitKinds#markdownTable()}. When this fails, regenerate it:
     * {@code mvn -pl reports test -Dtest=WaitKindsTest -Dweft.fix.readme=true}.
     */
    @Test
    void theReadmeTableIsGeneratedFromTheList() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int from = text.indexOf(BEGIN);
        int to = text.indexOf(END);
        assertTrue(from >= 0 && to > from, "README.md has the generated kinds table");
        String table = WaitKinds.markdownTable();
        String current = text.substring(from + BEGIN.length(), to);
        if (!current.equals(table) && Boolean.getBoolean("weft.fix.readme")) {
            Files.writeString(readme, text.substring(0, from + BEGIN.length()) + table + text.substring(to),
                    StandardCharsets.UTF_8);
            current = table;
        }
        assertEquals(table, current, "README.md's kinds table is out of date: run with -Dweft.fix.readme=true");
    }
}
