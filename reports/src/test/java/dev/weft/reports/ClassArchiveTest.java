package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
        Path written = dir.resolve("reports.jsa." + ProcessHandle.current().pid() + ".tmp");
        assertEquals(written, a.written());
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + written, QUIET.get(0), QUIET.get(1)), a.options());

        Files.writeString(written, "archive");
        a.finish(0);
        assertFalse(Files.exists(written));
        assertEquals("archive", Files.readString(archive), "a report that succeeded moves it into place");
    }

    @Test
    void aReportThatFailedLeavesNoArchive() throws Exception {
        ClassArchive a = ClassArchive.prepare(21, home, archive, jar);
        Files.writeString(a.written(), "archive, perhaps cut short");
        a.finish(1);
        assertFalse(Files.exists(a.written()));
        assertFalse(Files.exists(archive));
    }

    @Test
    void anArchiveNewerThanTheJarIsMapped() throws Exception {
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, time("2026-01-03T00:00:00Z"));
        ClassArchive a = ClassArchive.prepare(25, home, archive, jar);
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive, QUIET.get(0), QUIET.get(1)), a.options());
        assertNull(a.written());
        a.finish(0);
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
        none.finish(0);
    }

    private static FileTime time(String instant) {
        return FileTime.from(Instant.parse(instant));
    }
}
