package dev.weft.reports;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A class-data archive for a JVM that renders reports, kept beside its jar: the report's own classes are then
 * mapped already parsed and verified instead of read from the jar, and a report starts sooner (the demo's
 * 0.30 s report took 0.25 s; bench/RESULTS.md). {@code ./weft report} does the same
 * ({@code ReportsJvmOptionsTest}).
 * <ul>
 *   <li>A report with no archive, or one older than the jar, writes one as it ends
 *       ({@code -XX:ArchiveClassesAtExit}) under a name of its own. Only a report that was written moves it into
 *       place, in one rename: JDK 17 crashed on a truncated archive, which a JVM killed while writing, or a
 *       reader racing a writer, would leave. For that crash, and because 17 and 18 cannot remake an archive
 *       themselves, they get none.</li>
 *   <li>The JVM's own {@code -XX:+AutoCreateSharedArchive} is not used: it writes in place, remakes nothing
 *       for a rebuilt jar, and on JDK 25 warns on every run about a damaged archive.</li>
 *   <li>An archive is code the JVM runs, so it is never more open than the jar beside it: it is used only from
 *       a folder of the current user that other users may not write (its group may, as it may replace the jar
 *       there), and only when it is the user's own regular file that neither group nor others may write. The
 *       JVM writes it with the umask's mode (group-writable under the common 002), so it is made private before
 *       it takes its place. The user is the owner of a file this process has just made there, not
 *       {@code user.name}, which an application may change and a uid without a name lacks. No POSIX
 *       permissions, no archive.</li>
 *   <li>Nothing is asked for where the JDK has no base archive (the JVM would warn on every run), or where the
 *       folder cannot be written or has little room left (a JVM that cannot write its archive ends with
 *       status 1 although the report was written).</li>
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
    /** Room the folder must have before a JVM is asked to write there: an archive is 1.5 to 2 MB. */
    static final long MIN_FREE_BYTES = 64L << 20;
    /** A name of its own older than this was left by a JVM that never finished: removed. */
    static final Duration ABANDONED = Duration.ofHours(1);
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
        if (javaFeature < FIRST_RELEASE || dir == null || archive.toString().contains(File.pathSeparator)
                || !Files.isRegularFile(javaHome.resolve("lib").resolve("server").resolve("classes.jsa"))) {
            return none();
        }
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || Files.getFileStore(dir).getUsableSpace() < MIN_FREE_BYTES) {
                return none();
            }
            UserPrincipal me = ownerOfANewFile(dir);
            PosixFileAttributes folder = posix(dir);
            if (me == null || folder == null || !me.equals(folder.owner())
                    || folder.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
                return none();
            }
            removeAbandoned(dir, archive.getFileName().toString());
            if (Files.exists(archive, LinkOption.NOFOLLOW_LINKS)) {
                PosixFileAttributes a = posix(archive);
                if (a != null && a.isRegularFile() && me.equals(a.owner()) && privateTo(a)
                        && a.lastModifiedTime().compareTo(Files.getLastModifiedTime(jar)) > 0) {
                    return new ClassArchive(with("-XX:SharedArchiveFile=" + archive), null, archive);
                }
                Files.delete(archive); // a folder there fails here: then no archive
            }
        } catch (IOException | RuntimeException e) {
            return none(); // one that cannot be checked is better not used
        }
        // the pid alone may repeat: JVMs in containers sharing a volume are all process 1
        Path written = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
        return new ClassArchive(with("-XX:ArchiveClassesAtExit=" + written), written, archive);
    }

    /** After the JVM ended: the archive it wrote takes its place if {@code reportWritten}, else it goes. */
    public void finish(boolean reportWritten) throws IOException {
        if (written == null) {
            return;
        }
        try {
            if (reportWritten && Files.isRegularFile(written, LinkOption.NOFOLLOW_LINKS)) {
                Set<PosixFilePermission> mode = EnumSet.copyOf(Files.getPosixFilePermissions(written,
                        LinkOption.NOFOLLOW_LINKS));
                mode.removeAll(EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
                Files.setPosixFilePermissions(written, mode);
                Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /** The POSIX attributes of {@code path}, not followed if a link; null where there are none. */
    private static PosixFileAttributes posix(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        return view == null ? null : view.readAttributes();
    }

    /** Whether neither group nor others may write what {@code a} describes. */
    private static boolean privateTo(PosixFileAttributes a) {
        return !a.permissions().contains(PosixFilePermission.GROUP_WRITE)
                && !a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** Who this process is, as the file system says: the owner of a file it makes in {@code dir}; null if none. */
    private static UserPrincipal ownerOfANewFile(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, ".weft-owner-", ".tmp");
        try {
            PosixFileAttributes a = posix(probe);
            return a == null ? null : a.owner();
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Removes the names of their own that JVMs killed while writing left behind. */
    private static void removeAbandoned(Path dir, String name) throws IOException {
        FileTime before = FileTime.from(Instant.now().minus(ABANDONED));
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, name + ".*.tmp")) {
            for (Path p : left) {
                if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).compareTo(before) < 0) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static List<String> with(String option) {
        return List.of(option, QUIET.get(0), QUIET.get(1));
    }
}
