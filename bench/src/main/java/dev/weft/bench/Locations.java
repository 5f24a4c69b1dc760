package dev.weft.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the jars under test are: given as system properties by {@code ./weft bench}, else found
 * beside {@code bench/target/benchmarks.jar} in the project the jar was built in.
 */
final class Locations {

    private Locations() { }

    static Path agentJar() {
        return existing("weft.agent.jar", "agent/target/agent.jar");
    }

    static Path demoJar() {
        return existing("weft.demo.jar", "demo-app/target/demo-app.jar");
    }

    /** The jar (or classes folder) this code runs from: the class path of every forked JVM. */
    static Path benchClassPath() {
        try {
            return Path.of(Locations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar", e);
        }
    }

    /**
     * The JDK of every process the start-up and scenario harnesses start: {@code --jdk=HOME}
     * ({@code weft.bench.jdk}), by default the JDK this runs on.
     */
    static String java() {
        return Path.of(System.getProperty(JDK_PROPERTY, System.getProperty("java.home")), "bin", "java").toString();
    }

    static final String JDK_PROPERTY = "weft.bench.jdk";

    private static Path existing(String property, String inProject) {
        String given = System.getProperty(property);
        Path path;
        if (given != null) {
            path = Path.of(given);
        } else {
            // bench/target/benchmarks.jar → the project root is three levels up
            Path root = benchClassPath().toAbsolutePath().getParent().getParent().getParent();
            path = root.resolve(inProject);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " not found: build it first (./weft build), or pass -D"
                    + property + "=PATH");
        }
        return path.toAbsolutePath();
    }
}
