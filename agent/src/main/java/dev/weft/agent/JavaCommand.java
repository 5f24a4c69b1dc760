package dev.weft.agent;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;

/** The parts of a command line that starts another JVM with Weft's own classes: the exit report's renderer, the watcher. */
public final class JavaCommand {

    private JavaCommand() { }

    /** The {@code java} of the JDK this JVM runs on. */
    public static Path javaBinary() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path java = bin.resolve("java");
        return Files.isExecutable(java) ? java : bin.resolve("java.exe");
    }

    /** Where {@code classes} were loaded from, as a class path: one agent.jar, or the build's directories. */
    public static String classPath(Class<?>... classes) throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new IOException("cannot tell where " + c.getName() + " was loaded from");
            }
            try {
                entries.add(Path.of(source.getLocation().toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IOException("cannot use the class path entry " + source.getLocation(), e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
