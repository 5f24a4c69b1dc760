package dev.weft.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.reports.read.WeftSchema;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jdk.jfr.Event;
import jdk.jfr.EventType;
import org.junit.jupiter.api.Test;

/**
 * Every JFR event the agent writes is in the schema the report reads ({@link WeftSchema}), field for
 * field and type for type: a field renamed, retyped, added or dropped here fails this test, and the
 * report's own tests read with the same schema.
 */
class EventSchemaTest {

    @Test
    void everyAgentEventIsTheSchemaExactly() throws Exception {
        Set<String> names = new TreeSet<>();
        for (Class<? extends Event> type : BridgeEvents.all()) {
            EventType t = EventType.getEventType(type);
            assertEquals(List.of(), WeftSchema.mismatches(t), type.getName());
            names.add(t.getName());
        }
        assertEquals(new TreeSet<>(WeftSchema.events().keySet()), names, "the agent's events and the schema's");
    }
}
