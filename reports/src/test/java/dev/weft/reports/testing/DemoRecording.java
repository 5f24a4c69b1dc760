package dev.weft.reports.testing;

import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The demo recording ({@link Scenarios#demo}) as {@code app.jfr} in a directory of the test class's own,
 * where the commands under test write their outputs beside it. Registered on a static field
 * ({@code @RegisterExtension}), it is ready before the class's {@code @BeforeAll} methods run. The demo
 * is recorded once per test JVM and copied: the classes that only read it need not wait for one each.
 */
public final class DemoRecording implements BeforeAllCallback, AfterAllCallback {

    private static Scenarios.Demo recorded; // guarded by DemoRecording.class
    private static Analysis analysed; // guarded by DemoRecording.class

    private Path dir;
    private Scenarios.Demo demo;
    private Analysis analysis;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("weft-demo-");
        Scenarios.Demo original = original();
        Path jfr = Files.copy(original.jfr(), dir.resolve("app.jfr"));
        demo = new Scenarios.Demo(jfr, original.mainId(), original.workerIds(), original.virtualId(),
                original.mergerId(), original.forgottenId());
        analysis = analysed();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static synchronized Scenarios.Demo original() throws Exception {
        if (recorded == null) {
            Path home = Files.createTempDirectory("weft-demo-recorded-");
            home.toFile().deleteOnExit();
            recorded = Scenarios.demo(home.resolve("demo.jfr"));
            recorded.jfr().toFile().deleteOnExit();
        }
        return recorded;
    }

    /** The class's directory, holding the recording. */
    public Path dir() {
        return dir;
    }

    /** A path in the class's directory. */
    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** What the demo recorded, with the ids of its threads. */
    public Scenarios.Demo demo() {
        return demo;
    }

    /** The class's copy of the recording. */
    public Path jfr() {
        return demo.jfr();
    }

    /** The recording analysed as the commands analyse it (once per test JVM). */
    public Analysis analysis() {
        return analysis;
    }

    private static synchronized Analysis analysed() throws Exception {
        if (analysed == null) {
            analysed = Reports.analyse(original().jfr());
        }
        return analysed;
    }
}
