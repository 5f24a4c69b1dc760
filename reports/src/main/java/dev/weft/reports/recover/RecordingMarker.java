package dev.weft.reports.recover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The marker Weft keeps while it records in a JVM: {@code <tmp>/weft-<user>/<pid>.recording}, three
 * lines — the process start time (so a marker left by a killed JVM never speaks for a later process
 * with the same pid), the {@code .jfr} it records to, and JFR's disk repository, where the chunks of a
 * killed JVM's recording stay behind. Written by the agent, read by {@code list} and by
 * {@code reports.jar} to recover a killed JVM's recording.
 *
 * @param file       the marker itself
 * @param pid        the process it speaks for
 * @param started    the process's start time as written ({@code -} when unknown)
 * @param jfr        the recording's destination
 * @param repository JFR's repository of that JVM, {@code null} when the marker does not say
 */
public record RecordingMarker(Path file, long pid, String started, Path jfr, Path repository) {

    /** The marker file's suffix. */
    public static final String SUFFIX = ".recording";

    /** The shared directory of this user's markers. */
    public static Path directory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "weft-" + user);
    }

    /** Where the marker of process {@code pid} lies. */
    public static Path of(long pid) {
        return directory().resolve(pid + SUFFIX);
    }

    /** The marker's text. */
    public static List<String> lines(String started, Path jfr, Path repository) {
        List<String> lines = new ArrayList<>(List.of(started, jfr.toAbsolutePath().toString()));
        lines.add(repository == null ? "" : repository.toAbsolutePath().toString());
        return lines;
    }

    /** The start time a marker holds for {@code process}. */
    public static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("-");
    }

    /** Reads a marker; empty when it is not one (or cannot be read). */
    public static Optional<RecordingMarker> read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2 || lines.get(1).isBlank()) {
                return Optional.empty();
            }
            Path repository = lines.size() > 2 && !lines.get(2).isBlank() ? Path.of(lines.get(2)) : null;
            return Optional.of(new RecordingMarker(file, pid, lines.get(0), Path.of(lines.get(1)), repository));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every readable marker of this user. */
    public static List<RecordingMarker> all() {
        List<RecordingMarker> markers = new ArrayList<>();
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return markers;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                read(f).ifPresent(markers::add);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable directory holds no marker we could use
        }
        return markers;
    }

    /** Whether the JVM it speaks for still runs: the same pid and the same start time. */
    public boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> startOf(p).equals(started)).orElse(false);
    }

    /**
     * Whether a dead JVM left something to recover: its {@code .jfr} is missing or empty and its
     * repository still holds chunks. A stale marker without it can go.
     */
    public boolean recoverable() {
        try {
            boolean written = Files.isRegularFile(jfr) && Files.size(jfr) > 0;
            return !written && !Repository.chunks(repository).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the stale markers of JVMs that are gone and left nothing to recover; quietly. */
    public static void cleanUpStale() {
        for (RecordingMarker m : all()) {
            if (!m.alive() && !m.recoverable()) {
                try {
                    Files.deleteIfExists(m.file());
                } catch (IOException | RuntimeException e) {
                    // another user's file, or gone meanwhile
                }
            }
        }
    }
}
