package dev.weft.reports.recover;

import dev.weft.reports.ReportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a killed JVM's recording left. After {@code kill -9} Weft's {@code .jfr} is an empty
 * file (JFR writes it at exit, and no exit came), while the JVM's repository still holds every chunk
 * flushed up to the kill. Given that empty file, or the session's stale marker, this copies those
 * chunks into {@code <name>.recovered.jfr} beside it and hands that over to be read; the reader then
 * marks the report partial (the last chunk was never closed).
 */
public final class Recovery {

    private Recovery() { }

    /**
     * What to read for {@code given}.
     *
     * @param recording the file to read
     * @param named     the recording the outputs are named after (the {@code .jfr} the user meant)
     * @param note      one line saying what was recovered and from where, or {@code null}
     */
    public record Input(Path recording, Path named, String note) { }

    /**
     * {@code given} itself when it is a recording with data; else, for an empty {@code .jfr} or a
     * marker, the recovered copy of the killed JVM's repository.
     *
     * @throws ReportException in one line: the JVM still records there, or nothing is left to recover
     */
    public static Input resolve(Path given) throws ReportException {
        Optional<RecordingMarker> marker = RecordingMarker.read(given);
        Path jfr = marker.map(RecordingMarker::jfr).orElse(given);
        if (marker.isEmpty() && !empty(given)) {
            return new Input(given, given, null);
        }
        if (marker.isEmpty()) {
            marker = markerOf(given);
        }
        if (marker.isPresent() && marker.get().alive()) {
            throw new ReportException("cannot read " + jfr + ": JVM " + marker.get().pid() + " is still recording to it"
                    + " (JFR writes the file when it stops); 'java -jar agent.jar snapshot " + marker.get().pid()
                    + "' writes what it holds now");
        }
        if (!empty(jfr)) {
            marker.ifPresent(Recovery::forget); // the JVM wrote its recording after all
            return new Input(jfr, jfr, null);
        }
        try {
            long pid = marker.map(RecordingMarker::pid).orElse(pidOf(jfr));
            Path repository = marker.map(RecordingMarker::repository).filter(Files::isDirectory).orElse(null);
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            if (repository == null && pid > 0) {
                repository = Repository.ofPid(tmp, pid);
            }
            List<Path> chunks = Repository.chunks(repository);
            if (chunks.isEmpty()) {
                throw new ReportException("cannot read " + jfr + ": the file is empty: its JVM was killed before JFR wrote"
                        + " it (kill -9, a crash, the OOM killer)" + (repository != null
                        ? ", and its JFR repository " + repository + " holds no chunks"
                        : pid > 0 ? ", and no JFR repository of JVM " + pid + " is left in " + tmp
                        : "; its chunks may be left in JFR's repository, " + tmp + "/<date>_<pid>/*.jfr"));
            }
            Path recovered = jfr.resolveSibling(baseName(jfr) + ".recovered.jfr");
            long bytes = Repository.concatenate(chunks, recovered);
            marker.ifPresent(Recovery::forget);
            String note = String.format(Locale.ROOT, "%s is empty: its JVM%s was killed before JFR wrote it; reading"
                    + " the %d chunk file%s (%,d bytes) left in its JFR repository %s, copied to %s (the repository can"
                    + " be deleted now)", jfr, pid > 0 ? " (pid " + pid + ")" : "", chunks.size(),
                    chunks.size() == 1 ? "" : "s", bytes, repository, recovered);
            return new Input(recovered, jfr, note);
        } catch (IOException e) {
            throw new ReportException("cannot recover " + jfr + " from its JFR repository: " + e.getMessage(), e);
        }
    }

    private static boolean empty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<RecordingMarker> markerOf(Path jfr) {
        Path wanted = jfr.toAbsolutePath().normalize();
        for (RecordingMarker m : RecordingMarker.all()) {
            if (m.jfr().toAbsolutePath().normalize().equals(wanted)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    static long pidOf(Path jfr) {
        Matcher m = Names.WEFT.matcher(String.valueOf(jfr.getFileName()));
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String baseName(Path jfr) {
        String name = String.valueOf(jfr.getFileName());
        return name.regionMatches(true, Math.max(0, name.length() - 4), ".jfr", 0, 4) && name.length() > 4
                ? name.substring(0, name.length() - 4) : name;
    }

    private static void forget(RecordingMarker m) {
        try {
            Files.deleteIfExists(m.file());
        } catch (IOException | RuntimeException e) {
            // left for the next clean-up
        }
    }

    /** Compiled at the first name matched: every report resolves its input here, few need a pid. */
    private static final class Names {
        /** Weft's file names end with the time and the pid: {@code app-20261127-214501-4242[-2].jfr}. */
        static final Pattern WEFT = Pattern.compile(".*-\\d{8}-\\d{6}-(\\d+)(-\\d+)?\\.jfr");
    }
}
