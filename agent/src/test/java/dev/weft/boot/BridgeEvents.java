package dev.weft.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jdk.jfr.Event;

/** The JFR event classes of the boot bridge, found among its compiled classes: a new one cannot hide. */
public final class BridgeEvents {

    private BridgeEvents() { }

    /** Every event class of {@code dev.weft.boot}, by class name. */
    public static List<Class<? extends Event>> all() throws IOException, URISyntaxException, ClassNotFoundException {
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
        events.sort(Comparator.comparing(Class::getName));
        return events;
    }
}
