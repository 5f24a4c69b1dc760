package dev.weft.reports.recover;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's JFR disk repository: {@code <tmp>/<yyyy_MM_dd_HH_mm_ss>_<pid>/} holding one {@code .jfr}
 * chunk file per chunk, named by time. JFR deletes it when the JVM exits; after a {@code kill -9} it
 * stays, with everything flushed (about once a second) up to the kill.
 */
final class Repository {

    /** JFR names a JVM's repository by its start time and pid. */
    private static final Pattern DIRECTORY = Pattern.compile("\\d{4}_\\d{2}_\\d{2}_\\d{2}_\\d{2}_\\d{2}_(\\d+)");

    private Repository() { }

    /** The chunk files of {@code dir} in the order JFR wrote them (their names are their times); none when it is gone. */
    static List<Path> chunks(Path dir) throws IOException {
        List<Path> chunks = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return chunks;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jfr")) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && Files.size(f) > 0) {
                    chunks.add(f);
                }
            }
        }
        // "2026_11_30_05_33_29.jfr" before "2026_11_30_05_33_29_1.jfr": '.' sorts before '_'
        chunks.sort(null);
        return chunks;
    }

    /** The newest repository of process {@code pid} in {@code tmp} (JFR's default place), or null. */
    static Path ofPid(Path tmp, long pid) throws IOException {
        Path newest = null;
        if (!Files.isDirectory(tmp)) {
            return null;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp)) {
            for (Path d : dirs) {
                Matcher m = DIRECTORY.matcher(d.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) == pid && Files.isDirectory(d)
                        && (newest == null || d.getFileName().toString().compareTo(newest.getFileName().toString()) > 0)) {
                    newest = d;
                }
            }
        }
        return newest;
    }

    /** Writes the chunks one after the other into {@code target}: a recording is a sequence of chunks. */
    static long concatenate(List<Path> chunks, Path target) throws IOException {
        long total = 0;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Path chunk : chunks) {
                try (FileChannel in = FileChannel.open(chunk, StandardOpenOption.READ)) {
                    long size = in.size();
                    long done = 0;
                    while (done < size) {
                        long n = in.transferTo(done, size - done, out);
                        if (n <= 0) {
                            break; // the file shrank: what was copied stands
                        }
                        done += n;
                    }
                    total += done;
                }
            }
        }
        return total;
    }
}
