package dev.weft.agent.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Says from outside whether Weft records in a JVM, without loading anything into it.
 *
 * <p>Two signs, both set while a recording runs and removed when it stops: the system property
 * {@value #PROPERTY} (read over an attach connection by {@code stop}, so that asking a JVM without
 * Weft loads no agent into it), and a marker file {@code <tmp>/weft-<user>/<pid>.recording} that
 * {@code list} reads without attaching to every JVM. The marker holds the process start time, so
 * one left behind by a killed JVM never speaks for a later process with the same pid.
 */
public final class SessionMarker {

    /** The system property naming the running recording's {@code .jfr}. */
    public static final String PROPERTY = "weft.recording";

    private SessionMarker() { }

    /** Marks this JVM as recording to {@code jfr}; the marker file is best effort and silent. */
    static void publish(Path jfr) {
        System.setProperty(PROPERTY, jfr.toAbsolutePath().toString());
        try {
            Path marker = markerOf(ProcessHandle.current().pid());
            if (!ownDirectory(marker.getParent())) {
                return;
            }
            Files.write(marker, List.of(startOf(ProcessHandle.current()), jfr.toAbsolutePath().toString()),
                    StandardCharsets.UTF_8);
            marker.toFile().deleteOnExit();
        } catch (IOException | RuntimeException e) {
            // list then shows this JVM as not recording; stop still asks the JVM itself
        }
    }

    static void withdraw() {
        System.clearProperty(PROPERTY);
        try {
            Files.deleteIfExists(markerOf(ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
            // the start time in it keeps a stale marker from misleading
        }
    }

    /** The {@code .jfr} Weft records to in the live process {@code process}, if its marker says so. */
    public static Optional<String> recordingOf(ProcessHandle process) {
        Path marker = markerOf(process.pid());
        try {
            List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !process.isAlive() || !lines.get(0).equals(startOf(process))) {
                return Optional.empty();
            }
            return Optional.of(lines.get(1));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The shared temporary directory: only a directory of this user's own, never one someone else placed there. */
    private static boolean ownDirectory(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(dir);
            }
        }
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                && Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }

    static Path markerOf(long pid) {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "weft-" + user, pid + ".recording");
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("-");
    }
}
