package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.testing.Forked;
import dev.weft.reports.testing.Jdks;
import dev.weft.reports.testing.ModelDump;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.Scenarios;
import dev.weft.reports.testing.TestThreads;
import dev.weft.reports.testing.WeftEvents;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The focused parser against the JDK's own ({@link jdk.jfr.consumer.RecordingFile}), the oracle: on every
 * recording of the corpus and on its damaged variants, both deliver the same events in the same order,
 * with the same values in every field the report reads, and build the same model.
 *
 * <p>The corpus: recordings made here (this JVM, the test copies of the agent's events), one made by
 * every JDK from 17 on found on this machine ({@code CorpusProgram.java}, run as a source file), real
 * agent recordings kept under {@code corpus/} (the demo under the agent on JDK 17, 21 and 25: on 17 the
 * agent's exit events name a thread the JVM never pools), and any {@code .jfr} in the folder {@code -Dweft.corpus=DIR} or
 * {@code $WEFT_CORPUS} names.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParserOracleTest {

    /** JDKs the corpus must cover under CI: the oldest the reports run on, and the newest tested. */
    private static final List<Integer> REQUIRED_IN_CI = List.of(17, 25);

    @TempDir
    static Path dir;
    static final Map<String, Path> CORPUS = new LinkedHashMap<>();

    @BeforeAll
    static void corpus() throws Exception {
        int here = Runtime.version().feature();
        CORPUS.put("demo shape, test events, JDK " + here, Scenarios.demo(dir.resolve("demo.jfr")).jfr());
        CORPUS.put("JDK events only, stack traces, JDK " + here, plainWithStacks(dir.resolve("plain.jfr")));
        CORPUS.put("many virtual threads, test events, JDK " + here, manyVirtual(dir.resolve("virtual.jfr")));
        List<Integer> covered = new ArrayList<>();
        Path source = source();
        for (Map.Entry<Integer, Path> jdk : Jdks.installed().entrySet()) {
            if (jdk.getKey() >= 17) {
                Path out = dir.resolve("corpus-jdk" + jdk.getKey() + ".jfr");
                Forked.run(List.of(jdk.getValue().resolve("bin/java").toString(), source.toString(), out.toString()),
                        dir.resolve("corpus-jdk" + jdk.getKey() + ".log"), 300);
                CORPUS.put("JDK events and a test event, several chunks, JDK " + jdk.getKey(), out);
                covered.add(jdk.getKey());
            }
        }
        List<Integer> missing = new ArrayList<>(REQUIRED_IN_CI);
        missing.removeAll(covered);
        if (!missing.isEmpty()) {
            String message = "no JDK " + missing + " found (looked at JAVA_HOME, JAVAnn_HOME and the usual folders): "
                    + "the parser oracle covers JDK " + covered + " only";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("WARNING: " + message);
        }
        for (Path kept : kept()) {
            CORPUS.put("kept: " + kept.getFileName(), kept);
        }
        System.out.println("parser oracle corpus: " + CORPUS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> bothParsersGiveTheSameEventsAndTheSameModel() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Path> e : CORPUS.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> same(e.getValue(), true)));
            tests.add(DynamicTest.dynamicTest(e.getKey() + ", variants", () -> {
                for (Map.Entry<String, Path> v : variants(e.getValue()).entrySet()) {
                    try {
                        same(v.getValue(), false);
                    } catch (AssertionError failure) {
                        throw new AssertionError(v.getKey() + ": " + failure.getMessage(), failure);
                    }
                }
            }));
        }
        return tests.stream();
    }

    /** Both parsers: the same events, field for field, and the same model; a sound file reads whole. */
    private static void same(Path jfr, boolean sound) throws Exception {
        List<String> expected = trace(jfr, JfrReader.Parser.JDK);
        List<String> actual = trace(jfr, JfrReader.Parser.FAST);
        assertNull(ModelDump.firstDifference(expected, actual), "event by event");
        assertNull(ModelDump.firstDifference(actual, mappedTrace(jfr, 0)), "chunks mapped, read two at a time");
        assertNull(ModelDump.firstDifference(actual, mappedTrace(jfr, SMALL_HEAP)), "chunks mapped and read one at a "
                + "time, threads decoded again once " + FastParser.threadsCached(SMALL_HEAP) + " are");
        String jdkFailure = null;
        Model jdk = null;
        try {
            jdk = JfrReader.read(jfr, StallGuard.DEFAULT_STALL_NANOS, JfrReader.Parser.JDK);
        } catch (RecordingException e) {
            jdkFailure = e.getMessage();
        }
        Model fast;
        try {
            fast = JfrReader.read(jfr, StallGuard.DEFAULT_STALL_NANOS, JfrReader.Parser.FAST);
        } catch (RecordingException e) {
            assertTrue(jdkFailure != null, "only the focused parser failed: " + e.getMessage());
            return;
        }
        assertNull(jdkFailure, "only the JDK's parser failed");
        assertNull(ModelDump.firstDifference(ModelDump.of(jdk), ModelDump.of(fast)), "the model");
        if (sound) {
            assertFalse(fast.partial(), "a sound recording reads whole: " + fast.warnings());
            assertTrue(fast.eventCount() > 0);
        }
    }

    /**
     * A heap smaller than any real one: every chunk mapped and its pools read after the chunk before is done,
     * and fewer decoded threads kept than the corpus's 2,000 virtual threads.
     */
    private static final long SMALL_HEAP = 4L << 20;

    /** The events the focused parser delivers in a heap of {@code maxHeap} (0: chunks mapped, read two at a time). */
    private static List<String> mappedTrace(Path jfr, long maxHeap) throws Exception {
        ChunkScan scan = ChunkScan.of(jfr);
        EventTrace trace = new EventTrace();
        if (scan.chunks > 0) {
            Findings findings = FastParser.read(jfr, scan, trace, new ModelBuilder(jfr), maxHeap);
            assertFalse(findings.any(), "the focused parser found damage in mapped chunks: " + findings.lines());
        }
        return trace.lines;
    }

    /** The events a parser delivers; none when it cannot read the file. */
    static List<String> trace(Path jfr, JfrReader.Parser parser) throws Exception {
        ChunkScan scan = ChunkScan.of(jfr);
        EventTrace trace = new EventTrace();
        if (scan.chunks == 0) {
            return trace.lines;
        }
        ModelBuilder builder = new ModelBuilder(jfr);
        if (parser == JfrReader.Parser.FAST) {
            Findings findings = FastParser.read(jfr, scan, trace, builder);
            assertFalse(findings.any(), "the focused parser found damage: " + findings.lines());
        } else {
            try (ReadablePart part = ReadablePart.of(jfr, scan)) {
                JdkParser.read(part.file, jfr.toString(), trace, builder);
            } catch (RecordingException e) {
                trace.lines.clear();
            }
        }
        return trace.lines;
    }

    /**
     * Damage both parsers meet in the same way: the file cut short inside its last chunk, a tail that
     * is no chunk, the last chunk still marked as being written.
     */
    private static Map<String, Path> variants(Path jfr) throws IOException {
        byte[] whole = Files.readAllBytes(jfr);
        long[] chunks = ChunkScan.of(jfr).offsets;
        long last = chunks[chunks.length - 2];
        Map<String, Path> out = new LinkedHashMap<>();
        out.put("cut inside the last chunk", write(jfr, "cut", Arrays.copyOf(whole, (int) (last + (whole.length - last) / 2))));
        byte[] tail = Arrays.copyOf(whole, whole.length + 100);
        Arrays.fill(tail, whole.length, tail.length, (byte) 0x5A);
        out.put("a tail that is no chunk", write(jfr, "tail", tail));
        byte[] open = whole.clone();
        open[(int) last + 64] = (byte) 255;
        out.put("last chunk not closed", write(jfr, "open", open));
        return out;
    }

    private static Path write(Path jfr, String suffix, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(jfr.getFileName() + "." + suffix + ".jfr"), bytes);
    }

    private static Path source() throws IOException {
        Path file = dir.resolve("CorpusProgram.java");
        try (InputStream in = ParserOracleTest.class.getResourceAsStream("CorpusProgram.java")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static List<Path> kept() throws IOException, URISyntaxException {
        List<Path> dirs = new ArrayList<>();
        URL resource = ParserOracleTest.class.getResource("corpus");
        if (resource != null && "file".equals(resource.getProtocol())) {
            dirs.add(Path.of(resource.toURI()));
        }
        String extra = System.getProperty("weft.corpus", System.getenv("WEFT_CORPUS"));
        if (extra != null && !extra.isBlank()) {
            dirs.add(Path.of(extra));
        }
        List<Path> files = new ArrayList<>();
        for (Path d : dirs) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d, "*.jfr")) {
                s.forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }

    private static Path plainWithStacks(Path file) throws Exception {
        try (Recording r = new Recording()) {
            for (String name : Recordings.BUILT_IN) {
                r.enable(name).withThreshold(java.time.Duration.ZERO).withStackTrace();
            }
            r.start();
            Object lock = new Object();
            Thread t = TestThreads.named("waiter", () -> {
                synchronized (lock) {
                    lock.wait(5);
                    Thread.sleep(3);
                }
            });
            t.start();
            t.join();
            r.stop();
            r.dump(file);
        }
        return file;
    }

    private static Path manyVirtual(Path file) throws Exception {
        return Recordings.record(file, true, () -> {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                int index = i;
                threads.add(TestThreads.virtual(
                        () -> WeftEvents.workload("dev.weft.Test::task" + (index % 7), () -> Thread.sleep(index % 3))));
            }
            for (Thread t : threads) {
                WeftEvents.start(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        });
    }
}
