package dev.weft.agent.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDKs the forked-JVM tests run the agent on: the one running the tests, and a JDK 21 found the way
 * people have it — system property {@code weft.jdk21}, environment {@code JDK21_HOME} or
 * {@code JAVA21_HOME}, else the standard install places. ({@code .ci/run} sets {@code JDK21_HOME}: the
 * build's toolchain discovery reads {@code JAVA*_HOME} and would build on a JDK 21 named so.) Under {@code CI=true} a missing JDK 21 fails
 * the tests that need it; elsewhere they say loudly that they were skipped.
 */
final class Jdks {

    private Jdks() { }

    /** A JDK: its feature version and its {@code java} binary. */
    record Jdk(int feature, Path java) {
        @Override
        public String toString() {
            return "JDK " + feature;
        }
    }

    static Jdk current() {
        return new Jdk(Runtime.version().feature(), Path.of(ForkedJvm.javaBinary()));
    }

    /** The current JDK and, when it is another one, a JDK 21. */
    static List<Jdk> underTest() {
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(current());
        if (current().feature() != 21) {
            Path java21 = find21();
            if (java21 != null) {
                jdks.add(new Jdk(21, java21));
            } else if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("no JDK 21 found (set JDK21_HOME): the tests for JDK 21 cannot run in CI");
            } else {
                System.err.println("*** SKIPPED on JDK 21: no JDK 21 found (set JDK21_HOME or -Dweft.jdk21) ***");
            }
        }
        return jdks;
    }

    static Path find21() {
        for (String home : new String[] {System.getProperty("weft.jdk21"), System.getenv("JDK21_HOME"),
                System.getenv("JAVA21_HOME")}) {
            if (home != null && !home.isBlank() && isJava21(Path.of(home, "bin", "java"))) {
                return Path.of(home, "bin", "java");
            }
        }
        for (String root : new String[] {"/usr/lib/jvm", "/usr/java", "/opt/java",
                System.getProperty("user.home") + "/.sdkman/candidates/java", System.getProperty("user.home") + "/.jdks",
                "/Library/Java/JavaVirtualMachines"}) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> homes = Files.newDirectoryStream(dir)) {
                for (Path home : homes) {
                    for (Path java : new Path[] {home.resolve("bin/java"), home.resolve("Contents/Home/bin/java")}) {
                        if (isJava21(java)) {
                            return java;
                        }
                    }
                }
            } catch (IOException e) {
                // an unreadable place: look at the next
            }
        }
        return null;
    }

    private static boolean isJava21(Path java) {
        Path release = java.getParent() == null || java.getParent().getParent() == null ? null
                : java.getParent().getParent().resolve("release");
        if (!Files.isExecutable(java) || release == null || !Files.isRegularFile(release)) {
            return false;
        }
        try {
            return Files.readString(release).contains("JAVA_VERSION=\"21");
        } catch (IOException e) {
            return false;
        }
    }
}
