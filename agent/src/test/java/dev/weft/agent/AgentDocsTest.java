package dev.weft.agent;

import dev.weft.boot.BridgeEvents;
import dev.weft.docs.GeneratedDocs;
import java.util.Set;
import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.api.Test;

/**
 * docs/agent.md holds the agent's own texts: the options as {@code -javaagent:agent.jar=help} prints
 * them, and the events with their fields as JMC shows them (from the event classes' annotations). When
 * this fails, regenerate the blocks: {@code mvn -pl reports,agent -am test -Dtest=AgentDocsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dweft.fix.docs=true}.
 */
class AgentDocsTest {

    static final String DOC = "docs/agent.md";

    /** Fields every JFR event has; the docs list the event's own. */
    private static final Set<String> IMPLICIT = Set.of("startTime", "duration", "eventThread", "stackTrace");

    @Test
    void theOptionsAreTheAgentsHelp() {
        GeneratedDocs.check(DOC, "options", GeneratedDocs.textBlock(AgentOptions.usage()));
    }

    @Test
    void theEventsAreTheBridgesEventClasses() throws Exception {
        StringBuilder b = new StringBuilder();
        for (Class<? extends Event> c : BridgeEvents.all()) {
            EventType t = EventType.getEventType(c);
            Category category = c.getAnnotation(Category.class);
            b.append("\n#### `").append(t.getName()).append("`\n\n");
            b.append(t.getLabel()).append(" (*").append(String.join(" / ", category.value())).append("*): ")
                    .append(sentence(t.getDescription())).append("\n\n");
            b.append("| field | label | type | meaning |\n|---|---|---|---|\n");
            for (ValueDescriptor f : t.getFields()) {
                if (IMPLICIT.contains(f.getName())) {
                    continue;
                }
                b.append("| `").append(f.getName()).append("` | ").append(f.getLabel()).append(" | ")
                        .append(type(f)).append(" | ").append(f.getDescription() == null ? "" : f.getDescription())
                        .append(" |\n");
            }
        }
        GeneratedDocs.check(DOC, "events", b.append('\n').toString());
    }

    /** The text as a sentence: a full stop unless it ends in one, or in an ellipsis. */
    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("…") ? text : text + ".";
    }

    /** "String", "Thread", "long (Timespan)": the field's Java type, and its JFR content type if any. */
    private static String type(ValueDescriptor f) {
        String name = f.getTypeName();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String content = f.getContentType();
        return content == null ? simple : simple + " (" + content.substring(content.lastIndexOf('.') + 1) + ")";
    }
}
