package dev.weft.agent.start;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BootBridgeTest {

    /** A bridge class missing from the preload list would first load inside a JDK method (trap 3). */
    @Test
    void everyBridgeClassIsPreloaded() throws IOException, URISyntaxException {
        Path dir = Path.of(dev.weft.boot.Recorder.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/weft/boot");
        List<String> compiled;
        try (Stream<Path> files = Files.list(dir)) {
            compiled = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                    .map(n -> "dev.weft.boot." + n.substring(0, n.length() - ".class".length())).sorted().toList();
        }
        assertEquals(compiled, Arrays.stream(BootBridge.CLASSES).sorted().toList());
    }
}
