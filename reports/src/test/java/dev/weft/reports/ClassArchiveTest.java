package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reports JVM is told about its class archive, by release and by what is on disk (the JVMs: ClassArchiveIT). */
class ClassArchiveTest {

    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    @TempDir
    Path dir;
    Path home;
    Path jar;
    Path archive;

    @BeforeEach
    void jdkAndJar() throws Exception {
        home = dir.resolve("jdk");
        Files.createDirectories(home.resolve("lib").resolve("server"));
        Files.writeString(home.resolve("lib").resolve("server").resolve("classes.jsa"), "base archive");
        jar = Files.writeString(dir.resolve("reports.jar"), "jar");
        Files.setLastModifiedTime(jar, time("2026-01-02T00:00:00Z"));
        archive = dir.resolve("reports.jsa");
    }

    @Test
    void withNoArchiveTheReportWritesOneUnderANameOfItsOwn() throws Exception {
        ClassArchive a = ClassArchive.prepare(25, home, archive, jar);
        Path written = a.written();
        String name = written.getFileName().toString();
        assertTrue(name.startsWith("reports.jsa." + ProcessHandle.current().pid() + "-") && name.endsWith(".tmp"), name);
        assertNotEquals(written, ClassArchive.prepare(25, home, archive, jar).written(),
                "the pid alone may repeat across containers sharing a volume");
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + written, QUIET.get(0), QUIET.get(1)), a.options());

        Files.writeString(written, "archive");
        a.finish(true);
        assertFalse(Files.exists(written));
        assertEquals("archive", Files.readString(archive), "a report that was written moves it into place");
    }

    @Test
    void aReportThatFailedLeavesNoArchive() throws Exception {
        ClassArchive a = ClassArchive.prepare(21, home, archive, jar);
        Files.writeString(a.written(), "archive, perhaps cut short");
        a.finish(false);
        assertFalse(Files.exists(a.written()));
        assertFalse(Files.exists(archive));
    }

    @Test
    void namesOfTheirOwnThatAKilledJvmLeftAreRemovedAfterAnHour() throws Exception {
        Path old = Files.writeString(dir.resolve("reports.jsa.1-abc.tmp"), "left");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(ClassArchive.ABANDONED).minusSeconds(60)));
        Path recent = Files.writeString(dir.resolve("reports.jsa.2-def.tmp"), "being written");
        Path other = Files.writeString(dir.resolve("other.jsa.3-abc.tmp"), "not ours");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(ClassArchive.ABANDONED).minusSeconds(60)));
        ClassArchive.prepare(25, home, archive, jar);
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent), "another JVM may be writing it now");
        assertTrue(Files.exists(other));
    }

    @Test
    void anArchiveGroupOrOthersMayWriteOrALinkIsNeverMapped() throws Exception {
        for (String mode : List.of("rw-rw-r--", "rw-r--rw-")) {
            Files.writeString(archive, "archive");
            Files.setLastModifiedTime(archive, time("2026-01-03T00:00:00Z"));
            Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString(mode));
            ClassArchive a = ClassArchive.prepare(25, home, archive, jar);
            assertTrue(a.options().get(0).startsWith("-XX:ArchiveClassesAtExit="), mode + ": " + a.options());
            assertFalse(Files.exists(archive), mode + ": it is made again, by this user");
        }
        Path real = Files.writeString(dir.resolve("elsewhere.jsa"), "archive");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(archive, real);
        Files.setLastModifiedTime(real, time("2026-01-03T00:00:00Z"));
        assertTrue(ClassArchive.prepare(25, home, archive, jar).options().get(0).startsWith("-XX:ArchiveClassesAtExit="),
                "a link may lead anywhere");
        assertFalse(Files.exists(archive, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(real), "what it led to is not touched");
    }

    @Test
    void aFolderOthersMayWriteHasNoArchiveOneItsGroupMayWriteHas() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(List.of(), ClassArchive.prepare(25, home, shared.resolve("a.jsa"), jar).options(),
                "another user could put an archive there for this one to run");
        // the group may replace the jar there as well: an archive is no more open than the jar (umask 002)
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertEquals(3, ClassArchive.prepare(25, home, shared.resolve("a.jsa"), jar).options().size());
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(3, ClassArchive.prepare(25, home, shared.resolve("a.jsa"), jar).options().size());
    }

    @Test
    void anArchiveTheJvmWroteGroupWritableIsMadePrivateAndThenMapped() throws Exception {
        ClassArchive a = ClassArchive.prepare(25, home, archive, jar);
        Files.writeString(a.written(), "archive");
        Files.setPosixFilePermissions(a.written(), PosixFilePermissions.fromString("rw-rw-r--")); // umask 002
        a.finish(true);
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(archive));
        Files.setLastModifiedTime(archive, time("2026-01-03T00:00:00Z"));
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive, QUIET.get(0), QUIET.get(1)),
                ClassArchive.prepare(25, home, archive, jar).options());
    }

    @Test
    void anArchiveNewerThanTheJarIsMapped() throws Exception {
        Files.writeString(archive, "archive");
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setLastModifiedTime(archive, time("2026-01-03T00:00:00Z"));
        ClassArchive a = ClassArchive.prepare(25, home, archive, jar);
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive, QUIET.get(0), QUIET.get(1)), a.options());
        assertNull(a.written());
        a.finish(true);
        assertEquals("archive", Files.readString(archive));
    }

    @Test
    void anArchiveOlderThanTheJarIsDeletedAndWrittenAgain() throws Exception {
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, time("2026-01-01T00:00:00Z"));
        ClassArchive a = ClassArchive.prepare(25, home, archive, jar);
        assertFalse(Files.exists(archive), "no JVM uses it, nor remakes it itself");
        assertTrue(a.options().get(0).startsWith("-XX:ArchiveClassesAtExit="), a.options().toString());
    }

    @Test
    void noArchiveBefore19NorWithoutABaseArchiveNorWhereTheFolderCannotBeWritten() throws Exception {
        assertEquals(List.of(), ClassArchive.prepare(17, home, archive, jar).options());
        assertEquals(List.of(), ClassArchive.prepare(18, home, archive, jar).options());
        assertEquals(3, ClassArchive.prepare(19, home, archive, jar).options().size());
        assertEquals(List.of(), ClassArchive.prepare(25, dir.resolve("no-jdk"), archive, jar).options());
        assertEquals(List.of(), ClassArchive.prepare(25, home, dir.resolve("missing").resolve("a.jsa"), jar).options());
        // a file where the folder should be: not writable as a folder, even for root
        ClassArchive none = ClassArchive.prepare(25, home, jar.resolve("a.jsa"), jar);
        assertEquals(List.of(), none.options());
        none.finish(true);
        assertEquals(List.of(), ClassArchive.prepare(25, home, dir.resolve("a:b.jsa"), jar).options(),
                "a path separator would split the JVM's archive list");
    }

    private static FileTime time(String instant) {
        return FileTime.from(Instant.parse(instant));
    }
}
