package dev.weft.agent.control;

import dev.weft.reports.recover.RecordingMarker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Says from outside whether Weft records in a JVM, without loading anything into it.
 *
 * <p>Two signs, both set while a recording runs and removed when it stops: the system property
 * {@value #PROPERTY} (read over an attach connection by {@code stop}, so that asking a JVM without
 * Weft loads no agent into it), and a marker file {@code <tmp>/weft-<user>/<pid>.recording}
 * ({@link RecordingMarker}) that {@code list} reads without attaching to every JVM. The marker holds
 * the process start time, so one left behind by a killed JVM never speaks for a later process with
 * the same pid, and JFR's repository, from which {@code reports.jar} recovers a killed JVM's
 * recording. Stale markers with nothing left to recover are removed whenever a marker is written.
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
            RecordingMarker.cleanUpStale();
            // JFR's repository, where a killed JVM's chunks stay behind: reports.jar recovers them from it
            String repository = System.getProperty("jdk.jfr.repository");
            Files.write(marker, RecordingMarker.lines(RecordingMarker.startOf(ProcessHandle.current()), jfr,
                    repository == null || repository.isEmpty() ? null : Path.of(repository)), StandardCharsets.UTF_8);
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
        return RecordingMarker.read(markerOf(process.pid()))
                .filter(m -> process.isAlive() && m.started().equals(RecordingMarker.startOf(process)))
                .map(m -> m.jfr().toString());
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
        return RecordingMarker.of(pid);
    }
}
