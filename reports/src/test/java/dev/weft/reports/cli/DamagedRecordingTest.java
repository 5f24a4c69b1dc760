package dev.weft.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.testing.Json;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.Scenarios;
import dev.weft.reports.testing.TestThreads;
import dev.weft.reports.testing.WeftEvents;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command on damaged files: a clean one-line error (exit 1) when nothing is readable, a partial
 * report with a one-line warning (exit 0) when sound chunks come before the damage; never a hang
 * (each test fails after its timeout instead) and never a stack trace.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DamagedRecordingTest {

    static final List<String> COMMANDS = List.of("html", "summary", "json", "trace");

    @TempDir
    static Path dir;
    static byte[] whole;
    static long[] chunks;

    /** A recording of three chunks: starting another recording makes JFR begin a new chunk. */
    @BeforeAll
    static void record() throws Exception {
        Path jfr = Recordings.record(dir.resolve("multi.jfr"), true, () -> {
            for (int round = 0; round < 3; round++) {
                String name = "round-" + round;
                Thread t = TestThreads.named(name,
                        () -> WeftEvents.workload("dev.weft.Test::" + name.replace('-', '_'), () -> Scenarios.spin(5)));
                WeftEvents.start(t);
                t.join();
                try (Recording rotate = new Recording()) {
                    rotate.start();
                    rotate.stop();
                }
            }
        });
        whole = Files.readAllBytes(jfr);
        chunks = chunkOffsets(whole);
        assertTrue(chunks.length >= 3, "several chunks: " + Arrays.toString(chunks));
    }

    /** Offsets of the chunks, from each header's size field. */
    static long[] chunkOffsets(byte[] file) {
        List<Long> offsets = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file);
        long at = 0;
        while (at < file.length) {
            offsets.add(at);
            long size = b.getLong((int) at + 8);
            assertTrue(size > 68, "a sound test recording");
            at += size;
        }
        return offsets.stream().mapToLong(Long::longValue).toArray();
    }

    private static Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    private static Cli.Result run(String command, Path file) {
        String out = dir.resolve("out-" + command + "-" + file.getFileName()).toString();
        return command.equals("summary") ? Cli.run(command, file.toString())
                : Cli.run(command, file.toString(), "-o", out);
    }

    private static void assertCleanError(Path file, String expected) {
        for (String command : COMMANDS) {
            Cli.Result r = run(command, file);
            String what = command + " " + file.getFileName() + ": " + r.err();
            assertEquals(1, r.code(), what);
            assertEquals(1, r.errLines().length, "one line: " + what);
            assertTrue(r.err().startsWith("weft-reports: cannot read "), what);
            assertTrue(r.err().contains(expected), "says '" + expected + "': " + what);
            assertFalse(r.err().contains("\tat "), "no stack trace: " + what);
            assertEquals("", r.out(), what);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertPartial(Path file) throws Exception {
        for (String command : COMMANDS) {
            Cli.Result r = run(command, file);
            String what = command + " " + file.getFileName() + ": " + r.err();
            assertEquals(0, r.code(), what);
            assertEquals(1, r.errLines().length, what);
            // the reason, not a generic line: the model's first partial reason, after what it affects
            assertTrue(r.err().matches("weft-reports: warning: the (report shows|summary covers|trace shows) only part"
                    + " of the recording: \\S.*\\R?"), what);
            Path out = Path.of(r.out().strip());
            switch (command) {
                case "summary" -> assertTrue(r.out().contains("PARTIAL"), r.out());
                case "html" -> assertTrue(Files.readString(out).contains("\"partial\":true"), what);
                case "json" -> {
                    Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(out));
                    assertEquals(Boolean.TRUE, ((Map<String, Object>) json.get("source")).get("partial"));
                    assertTrue(((List<Object>) json.get("perThread")).stream()
                            .anyMatch(t -> "round-0".equals(((Map<String, Object>) t).get("name"))),
                            "the first chunk's thread is there");
                    assertFalse(((List<String>) json.get("warnings")).isEmpty());
                }
                case "trace" -> {
                    Map<String, Object> trace = (Map<String, Object>) Json.parse(Files.readString(out));
                    assertEquals(Boolean.TRUE, ((Map<String, Object>) trace.get("otherData")).get("partial"));
                }
                default -> throw new AssertionError(command);
            }
        }
    }

    @Test
    void truncatedInsideTheFirstChunkIsACleanError() throws Exception {
        long first = chunks[1];
        for (long cut : new long[] {1, 3, 10, 40, 67}) {
            assertCleanError(write("header-" + cut + ".jfr", Arrays.copyOf(whole, (int) cut)),
                    cut < 4 ? "not a JFR recording" : "truncated inside the header of its first chunk");
        }
        for (long cut : new long[] {68, 100, first / 2, first - 1}) {
            assertCleanError(write("first-" + cut + ".jfr", Arrays.copyOf(whole, (int) cut)),
                    "the recording is truncated: its first chunk declares " + String.format("%,d", first));
        }
    }

    @Test
    void cutAfterTheFirstChunkGivesAPartialReport() throws Exception {
        long second = chunks[1];
        long third = chunks[2];
        for (long cut : new long[] {second + 10, second + 68 + 5, (second + third) / 2, third - 1, third + 1000}) {
            assertPartial(write("later-" + cut + ".jfr", Arrays.copyOf(whole, (int) cut)));
        }
        // a whole recording followed by noise
        byte[] noisy = Arrays.copyOf(whole, whole.length + 4096);
        new Random(3).ints(4096).forEach(i -> noisy[whole.length + (i & 4095)] = (byte) i);
        noisy[whole.length] = 'x';
        assertPartial(write("noisy.jfr", noisy));
    }

    @Test
    void anExactChunkBoundaryIsASoundShorterRecording() throws Exception {
        Path file = write("boundary.jfr", Arrays.copyOf(whole, (int) chunks[1]));
        Cli.Result r = Cli.run("summary", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "complete chunks are a complete recording");
    }

    @Test
    void aChunkStillMarkedAsBeingWrittenIsReadUpToItsLastFlush() throws Exception {
        // what a killed JVM leaves in its repository: the header's state byte (offset 64) is not 0
        byte[] unfinished = whole.clone();
        unfinished[(int) chunks[chunks.length - 1] + 64] = 1;
        assertPartial(write("unfinished.jfr", unfinished));
    }

    @Test
    void headersThatWouldHangTheJdkParserAreRefused() throws Exception {
        // "being written" with no metadata yet: RecordingFile spins forever on such a header
        byte[] later = whole.clone();
        int at = (int) chunks[1];
        later[at + 64] = 1;
        Arrays.fill(later, at + 24, at + 32, (byte) 0);
        assertPartial(write("stuck-later.jfr", later));
        byte[] first = whole.clone();
        first[64] = 1;
        Arrays.fill(first, 24, 32, (byte) 0);
        assertCleanError(write("stuck-first.jfr", first), "the header of its first chunk is damaged");
    }

    @Test
    void noiseEmptyFilesDirectoriesAndMissingFiles() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(1).nextBytes(noise);
        assertCleanError(write("noise.jfr", noise), "not a JFR recording");
        byte[] magicThenNoise = noise.clone();
        System.arraycopy(whole, 0, magicThenNoise, 0, 4);
        assertCleanError(write("magic-noise.jfr", magicThenNoise), "cannot read");
        assertCleanError(write("empty.jfr", new byte[0]), "the file is empty");
        assertCleanError(Files.createDirectories(dir.resolve("folder.jfr")), "it is a directory");
        assertCleanError(dir.resolve("missing.jfr"), "no such file");
    }

    @Test
    void randomDamageInsideEventsNeverHangsOrThrows() throws Exception {
        Random random = new Random(7);
        for (int k = 0; k < 48; k++) {
            byte[] damaged = whole.clone();
            int at = 68 + random.nextInt(whole.length - 68);
            for (int i = 0; i < 1 + random.nextInt(32) && at + i < damaged.length; i++) {
                damaged[at + i] = (byte) random.nextInt();
            }
            Path file = write("flip-" + k + ".jfr", damaged);
            for (String command : List.of(COMMANDS.get(k % COMMANDS.size()))) {
                Cli.Result r = run(command, file);
                String what = command + " " + file.getFileName() + " at " + at + ": " + r.err();
                assertTrue(r.code() == 0 || r.code() == 1, what);
                assertTrue(r.errLines().length <= 1, "at most one line: " + what);
                assertFalse(r.err().contains("internal error"), what);
            }
        }
    }
}
