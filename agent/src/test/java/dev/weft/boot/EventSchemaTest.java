package dev.weft.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.reports.read.WeftSchema;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        for (Class<? extends Event> type : agentEvents()) {
            EventType t = EventType.getEventType(type);
            assertEquals(List.of(), WeftSchema.mismatches(t), type.getName());
            names.add(t.getName());
        }
        assertEquals(new TreeSet<>(WeftSchema.events().keySet()), names, "the agent's events and the schema's");
    }

    /** The event classes of the boot bridge, found among its compiled classes (a new one cannot hide). */
    private static List<Class<? extends Event>> agentEvents() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(WaitEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(WaitEvent.class.getPackageName().replace('.', '/'));
        List<Class<? extends Event>> events = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.class")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Class<?> c = Class.forName(WaitEvent.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (Event.class.isAssignableFrom(c)) {
                    events.add(c.asSubclass(Event.class));
                }
            }
        }
        assertFalse(events.isEmpty(), "no event class found in " + dir);
        return events;
    }
}
