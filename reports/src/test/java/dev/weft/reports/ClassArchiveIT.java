package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.testing.Scenarios;
import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The class archive {@code ./weft report} gives its JVM, on each JDK from 19 on: the first report writes it
 * without a word, the next one loads the reports' classes from it, and a rebuilt jar gets a new one. JDK 17 gets
 * none, and reports as well.
 */
class ClassArchiveIT {

    private static final String FROM_ARCHIVE = "dev.weft.reports.read.JfrReader source: shared objects file";

    @TempDir
    static Path shared;
    static Path recording;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() throws Exception {
        recording = Scenarios.demo(shared.resolve("demo.jfr")).jfr();
    }

    @ParameterizedTest
    @MethodSource("dev.weft.testkit.Jdks#required")
    void theFirstReportWritesTheArchiveAndTheNextOnesLoadFromIt(Jdk jdk) throws Exception {
        Path jar = Files.copy(Path.of("target", "reports.jar"), dir.resolve("reports.jar"));
        Path archive = dir.resolve("reports.jsa");

        report(jdk, jar, archive, "first");
        if (jdk.feature() < ClassArchive.FIRST_RELEASE) {
            assertTrue(!Files.exists(archive), "JDK 17 crashed on a truncated archive: it gets none");
            return;
        }
        assertTrue(Files.isRegularFile(archive), "the first report wrote the archive");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList(), "it took its place");
        }
        assertTrue(loadedFromArchive(report(jdk, jar, archive, "second")), "the second report maps the archive");

        // a jar rebuilt after its archive was written: the old archive is of no use to any JVM, so it is made again
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(1800)));
        assertTrue(!loadedFromArchive(report(jdk, jar, archive, "rebuilt")), "the old archive is not used");
        assertTrue(Files.isRegularFile(archive), "the report after the rebuild wrote a new archive");
        assertTrue(loadedFromArchive(report(jdk, jar, archive, "again")), "the new archive is mapped");

        // damaged (say, by a full disk): not used, and not a word about it
        Files.delete(archive); // JDK 21 writes it read-only
        Files.write(archive, new byte[4096]);
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(!loadedFromArchive(report(jdk, jar, archive, "damaged")), "a damaged archive is not used");
    }

    /** One {@code ./weft report} of the recording, quiet and successful; returns its class-loading log. */
    private Path report(Jdk jdk, Path jar, Path archive, String name) throws Exception {
        Path classLog = dir.resolve(name + ".classes.txt");
        Path html = dir.resolve(name + ".html");
        List<String> command = new ArrayList<>(List.of(jdk.java()));
        command.addAll(Reports.JVM_OPTIONS);
        ClassArchive plan = ClassArchive.prepare(jdk.feature(), Path.of(jdk.home().toString()), archive, jar);
        command.addAll(plan.options());
        command.add("-Xlog:class+load=info:file=" + classLog);
        command.addAll(List.of("-jar", jar.toString(), "html", recording.toString(), "-o", html.toString()));
        ChildProcess.Result r = ChildProcess.run(command, dir);
        plan.finish(r.exitCode() == 0);
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.stderr(), "the archive never speaks: " + r);
        assertEquals(List.of(html.toString()), r.out(), r.toString());
        assertTrue(Files.size(html) > 10_000, "the report was written");
        return classLog;
    }

    private static boolean loadedFromArchive(Path classLog) throws Exception {
        return Files.readString(classLog).contains(FROM_ARCHIVE);
    }
}
