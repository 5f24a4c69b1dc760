package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.analyse.Analyser;
import dev.weft.reports.analyse.Phase;
import dev.weft.reports.model.Model;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of a real agent recording (the demo's, kept in {@code corpus/}), made from a fixed
 * seed: every byte of the chunk header changed, bytes changed at random places, the file cut short.
 * JFR has no checksum; the reader must use what it writes twice to flag damage. The goal: no mutant
 * reads as a sound report (not partial, no error) whose event count differs from the original's, or
 * whose recording span or any phase's wall time differs by more than {@link #TOLERANCE_NANOS}: a change
 * smaller than that, such as a flip in the low bits of the header's clock rate, is within what a sound
 * recording's events may end past their chunk's end ({@link FastParser#SLACK_NANOS}): a lower clock rate
 * moves the chunk's end earlier, and only the events left outside it show that.
 * Changed text alone may pass.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DamageMutationTest {

    private static final long SEED = 0x5EEDL;
    private static final int RANDOM_MUTANTS = 400;
    private static final long TOLERANCE_NANOS = FastParser.SLACK_NANOS;
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(20);

    @TempDir
    Path dir;

    /** What a report shows that damage must not change unseen. */
    private record Outline(long events, long span, List<Long> phaseWalls) {
        static Outline of(Model m) {
            List<Long> walls = new ArrayList<>();
            for (Phase p : Analyser.analyse(m).phases()) {
                walls.add(p.wall());
            }
            return new Outline(m.eventCount(), m.duration(), walls);
        }

        /** The largest difference in span or a phase's wall time, nanoseconds. */
        long deviation(Outline o) {
            long d = Math.abs(span - o.span);
            for (int i = 0; i < Math.min(phaseWalls.size(), o.phaseWalls.size()); i++) {
                d = Math.max(d, Math.abs(phaseWalls.get(i) - o.phaseWalls.get(i)));
            }
            return d;
        }

        /** How this differs from {@code o} beyond the tolerance, {@code null} if it does not. */
        String differs(Outline o) {
            if (events != o.events) {
                return "events " + o.events + " -> " + events;
            }
            if (Math.abs(span - o.span) > TOLERANCE_NANOS) {
                return "span " + o.span + " -> " + span;
            }
            if (phaseWalls.size() != o.phaseWalls.size()) {
                return "phases " + o.phaseWalls.size() + " -> " + phaseWalls.size();
            }
            for (int i = 0; i < phaseWalls.size(); i++) {
                if (Math.abs(phaseWalls.get(i) - o.phaseWalls.get(i)) > TOLERANCE_NANOS) {
                    return "phase " + i + " wall " + o.phaseWalls.get(i) + " -> " + phaseWalls.get(i);
                }
            }
            return null;
        }
    }

    @Test
    void noDamagedRecordingReadsAsASoundReportThatDiffers() throws Exception {
        byte[] original;
        try (InputStream in = getClass().getResourceAsStream("corpus/agent-demo-jdk25.jfr")) {
            original = in.readAllBytes();
        }
        Path sound = Files.write(dir.resolve("sound.jfr"), original);
        Model model = JfrReader.read(sound, STALL_NANOS, JfrReader.Parser.FAST);
        assertTrue(!model.partial(), "the original is sound: " + model.warnings());
        Outline expected = Outline.of(model);
        assertTrue(expected.phaseWalls().size() >= 3, "the demo has phases: " + expected);

        Random random = new Random(SEED);
        List<String> names = new ArrayList<>();
        List<byte[]> mutants = new ArrayList<>();
        for (int at = 0; at < ChunkScan.HEADER_SIZE; at++) {
            for (int bit : new int[] {0, 3, 7}) {
                byte[] m = original.clone();
                m[at] ^= (byte) (1 << bit);
                mutants.add(m);
                names.add("header byte " + at + " bit " + bit);
            }
        }
        for (int i = 0; i < RANDOM_MUTANTS; i++) {
            byte[] m = original.clone();
            int at = ChunkScan.HEADER_SIZE + random.nextInt(original.length - ChunkScan.HEADER_SIZE);
            m[at] = (byte) (m[at] ^ (1 + random.nextInt(255)));
            mutants.add(m);
            names.add("byte " + at + " changed");
        }
        for (int i = 0; i < 20; i++) {
            int length = 1 + random.nextInt(original.length - 1);
            mutants.add(Arrays.copyOf(original, length));
            names.add("cut to " + length + " bytes");
        }

        int flagged = 0;
        int refused = 0;
        int same = 0;
        int harmless = 0;
        long largest = 0;
        List<String> unflagged = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            Path file = Files.write(dir.resolve("mutant.jfr"), mutants.get(i));
            Model m;
            try {
                m = JfrReader.read(file, STALL_NANOS, JfrReader.Parser.FAST);
            } catch (RecordingException e) {
                refused++;
                continue;
            }
            if (m.partial()) {
                flagged++;
                continue;
            }
            Outline actual = Outline.of(m);
            String difference = actual.differs(expected);
            if (difference != null) {
                unflagged.add(names.get(i) + ": " + difference);
            } else if (actual.equals(expected)) {
                same++;
            } else {
                harmless++;
                largest = Math.max(largest, actual.deviation(expected));
            }
        }
        System.out.printf(Locale.ROOT, "%d mutants: %d refused, %d read as partial, %d read as sound and equal, "
                + "%d as sound within %d ns (the largest change %.3f ms), %d as sound but different%n", mutants.size(),
                refused, flagged, same, harmless, TOLERANCE_NANOS, largest / 1e6, unflagged.size());
        unflagged.forEach(u -> System.out.println("  unflagged: " + u));
        assertEquals(List.of(), unflagged, "damaged recordings that read as a sound but different report");
    }
}
