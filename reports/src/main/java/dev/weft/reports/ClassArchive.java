package dev.weft.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A class-data archive for the reports CLI's JVM, kept beside its jar: the report's own classes are then
 * mapped already parsed and verified instead of read from the jar, and a report starts sooner (the demo's
 * 0.26 s report took 0.21 s; bench/RESULTS.md). {@code ./weft report} does the same
 * ({@code ReportsJvmOptionsTest}).
 * <ul>
 *   <li>A report with no archive, or one older than the jar, writes one as it ends
 *       ({@code -XX:ArchiveClassesAtExit}) under a name of its own. Only a report that succeeded moves it into
 *       place, in one rename: JDK 17 crashed on a truncated archive, which a JVM killed while writing, or a
 *       reader racing a writer, would leave. For that crash, and because 17 and 18 cannot remake an archive
 *       themselves, they get none.</li>
 *   <li>The JVM's own {@code -XX:+AutoCreateSharedArchive} is not used: it writes in place, remakes nothing
 *       for a rebuilt jar, and on JDK 25 warns on every run about a damaged archive.</li>
 *   <li>Nothing is asked for where the JDK has no base archive (the JVM would warn on every run), or where the
 *       folder cannot be written (a JVM that cannot write its archive ends with status 1 although the report
 *       was written).</li>
 * </ul>
 * CDS's log is turned off: an archive that cannot be used is a slower start, never a reason to print anything.
 *
 * @param options the JVM options, none when there is to be no archive
 * @param written where the JVM writes a new archive, or null when it maps an existing one or has none
 * @param archive the archive's place, null for {@link #none()}
 */
public record ClassArchive(List<String> options, Path written, Path archive) {

    /** The first release that survives a damaged archive (17 crashed on a truncated one). */
    static final int FIRST_RELEASE = 19;
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    /** No archive. */
    public static ClassArchive none() {
        return new ClassArchive(List.of(), null, null);
    }

    /**
     * What a JVM of release {@code javaFeature}, at {@code javaHome}, running {@code jar}, does with the archive
     * {@code archive}. An archive older than the jar is deleted: no JVM would use it.
     */
    public static ClassArchive prepare(int javaFeature, Path javaHome, Path archive, Path jar) {
        Path dir = archive.toAbsolutePath().getParent();
        if (javaFeature < FIRST_RELEASE || dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)
                || !Files.isRegularFile(javaHome.resolve("lib").resolve("server").resolve("classes.jsa"))) {
            return new ClassArchive(List.of(), null, archive);
        }
        try {
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return new ClassArchive(with("-XX:SharedArchiveFile=" + archive), null, archive);
            }
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            return new ClassArchive(List.of(), null, archive); // one that cannot be checked is better not used
        }
        Path written = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        return new ClassArchive(with("-XX:ArchiveClassesAtExit=" + written), written, archive);
    }

    /** After the JVM ended with {@code exitCode}: the archive it wrote takes its place if the report succeeded. */
    public void finish(int exitCode) throws IOException {
        if (written == null) {
            return;
        }
        if (exitCode == 0 && Files.isRegularFile(written)) {
            Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.deleteIfExists(written);
        }
    }

    private static List<String> with(String option) {
        return List.of(option, QUIET.get(0), QUIET.get(1));
    }
}
