package dev.weft.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.testing.Scenarios;
import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code java -jar reports.jar} in its own JVM, on each JDK: its exit codes, and all it printed out before the JVM
 * ended ({@link Main#main} halts it).
 */
class MainIT {

    @TempDir
    static Path shared;
    static Path recording;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() throws Exception {
        recording = Scenarios.demo(shared.resolve("demo.jfr")).jfr();
    }

    private ChildProcess.Result reports(Jdk jdk, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(jdk.java(), "-jar",
                Path.of("target", "reports.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return ChildProcess.run(command, dir);
    }

    @ParameterizedTest
    @MethodSource("dev.weft.testkit.Jdks#required")
    void aPageWrittenToStandardOutputIsThereToItsLastByte(Jdk jdk) throws Exception {
        ChildProcess.Result r = reports(jdk, "html", recording.toString(), "-o", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        assertTrue(r.stdout().startsWith("<!DOCTYPE html>"), r.stdout().substring(0, Math.min(200, r.stdout().length())));
        assertTrue(r.stdout().contains("\"format\":\"weft-report\""), "the data is in the page");
        assertTrue(r.stdout().endsWith("</html>\n\n"), "the page's end: "
                + r.stdout().substring(Math.max(0, r.stdout().length() - 200)));
        Path file = dir.resolve("page.html");
        ChildProcess.Result toFile = reports(jdk, "html", recording.toString(), "-o", file.toString());
        assertEquals(0, toFile.exitCode(), toFile.stderr());
        assertEquals(List.of(file.toString()), toFile.out(), "the file's name, and no more");
        assertEquals(Files.size(file), r.stdout().getBytes(StandardCharsets.UTF_8).length,
                "the page on standard output is as long as the one in the file");
    }

    @ParameterizedTest
    @MethodSource("dev.weft.testkit.Jdks#required")
    void usageErrorsEndWithTwoAndDataErrorsWithOne(Jdk jdk) throws Exception {
        ChildProcess.Result usage = reports(jdk);
        assertEquals(2, usage.exitCode(), usage.toString());
        assertTrue(usage.stderr().contains("missing the .jfr file to read"), usage.stderr());

        Path notJfr = Files.writeString(dir.resolve("not.jfr"), "not a recording at all");
        ChildProcess.Result data = reports(jdk, "summary", notJfr.toString());
        assertEquals(1, data.exitCode(), data.toString());
        assertEquals(1, data.err().size(), "one line: " + data.stderr());
        assertTrue(data.stderr().startsWith(Main.NAME + ": "), data.stderr());
    }
}
