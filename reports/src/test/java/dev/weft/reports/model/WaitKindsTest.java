package dev.weft.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.docs.GeneratedDocs;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one list of wait kinds, and the docs' table generated from it. */
class WaitKindsTest {

    @Test
    void everyKindHasItsOwnColourAndOnlyIdleIsIdle() {
        List<WaitKinds.Kind> all = WaitKinds.all();
        assertEquals(all.size(), new HashSet<>(all.stream().map(WaitKinds.Kind::color).toList()).size());
        assertEquals(List.of("idle"), all.stream().filter(WaitKinds.Kind::idle).map(WaitKinds.Kind::name).toList());
        assertTrue(WaitKinds.order("sleep") < WaitKinds.order("io"));
        assertEquals(Integer.MAX_VALUE, WaitKinds.order("a-kind-of-a-newer-agent"));
    }

    /**
     * docs/agent.md's kind table is {@link WaitKinds#markdownTable()}. When this fails, regenerate it:
     * {@code mvn -pl reports test -Dtest=WaitKindsTest -Dweft.fix.docs=true}.
     */
    @Test
    void theDocsTableIsGeneratedFromTheList() {
        GeneratedDocs.check("docs/agent.md", "kinds", WaitKinds.markdownTable());
    }
}
