package dev.weft.reports.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.ReportException;
import dev.weft.reports.Reports;
import dev.weft.reports.model.Model;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.Scenarios;
import dev.weft.reports.testing.WeftEvents;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code reports.jar} finds for a killed JVM: the empty {@code .jfr} or the session's marker
 * lead to the chunks in the JVM's repository, which are copied beside the file and read, partial.
 * The temporary directory is this test's own (java.io.tmpdir, restored afterwards).
 */
class RecoveryTest {

    /** No process has this pid: its marker is stale. */
    private static final long DEAD = 2_000_000_000L;

    @TempDir
    Path tmp;
    private String savedTmp;
    private Path out;
    private Path chunk;

    @BeforeEach
    void useOwnTemporaryDirectory() throws Exception {
        savedTmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        out = Files.createDirectories(tmp.resolve("out"));
        chunk = Recordings.record(tmp.resolve("chunk.jfr"), true, () -> {
            Thread t = new Thread(() -> Scenarios.spin(2), "killed-worker");
            WeftEvents.start(t);
            t.join();
        });
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", savedTmp);
    }

    /** A repository as JFR leaves it after kill -9: a closed chunk and one still marked as being written. */
    private Path repository(long pid) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("2026_11_27_21_45_01_" + pid));
        Files.copy(chunk, repo.resolve("2026_11_27_21_45_01.jfr"));
        Path open = Files.copy(chunk, repo.resolve("2026_11_27_21_45_09.jfr"));
        try (FileChannel c = FileChannel.open(open, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(new byte[] {1}), 64); // the chunk header's state: still being written
        }
        return repo;
    }

    @Test
    void anEmptyWeftRecordingIsReadFromItsJvmsRepositoryFoundByThePidInItsName() throws Exception {
        Path repo = repository(DEAD);
        Path jfr = Files.createFile(out.resolve("app-20261127-214501-" + DEAD + ".jfr"));
        Recovery.Input in = Recovery.resolve(jfr);
        Path recovered = out.resolve("app-20261127-214501-" + DEAD + ".recovered.jfr");
        assertEquals(recovered, in.recording());
        assertEquals(jfr, in.named(), "outputs keep the name the user knows");
        assertEquals(2 * Files.size(chunk), Files.size(recovered));
        assertTrue(in.note().startsWith(jfr + " is empty: its JVM (pid " + DEAD + ") was killed before JFR wrote it;"
                + " reading the 2 chunk files ("), in.note());
        assertTrue(in.note().contains("left in its JFR repository " + repo + ", copied to " + recovered), in.note());

        Model m = Reports.analyse(recovered).model();
        assertTrue(m.partial(), "the last chunk was never closed");
        assertEquals(2 * Reports.analyse(chunk).model().eventCount(), m.eventCount(), "both chunks read");
        assertTrue(m.threads().stream().anyMatch(t -> "killed-worker".equals(t.name())), m.threads().toString());
        assertEquals(0, Files.size(jfr), "the empty file is left as it was");
    }

    @Test
    void aStaleMarkerLeadsToItsRepositoryAndIsRemovedOnceRecovered() throws Exception {
        Path repo = repository(DEAD);
        Path jfr = Files.createFile(out.resolve("any-name.jfr"));
        Path marker = markerFor(DEAD, "2020-01-01T00:00:00Z", jfr, repo);
        assertFalse(RecordingMarker.read(marker).orElseThrow().alive());
        assertTrue(RecordingMarker.read(marker).orElseThrow().recoverable());

        Recovery.Input byMarker = Recovery.resolve(marker);
        assertEquals(out.resolve("any-name.recovered.jfr"), byMarker.recording());
        assertEquals(jfr, byMarker.named());
        assertFalse(Files.exists(marker), "recovered: the marker has done its work");

        markerFor(DEAD, "2020-01-01T00:00:00Z", jfr, repo);
        assertEquals(out.resolve("any-name.recovered.jfr"), Recovery.resolve(jfr).recording(),
                "the empty file finds its marker by its path, whatever its name");
    }

    @Test
    void aRecordingWithDataIsReadAsItIs() throws Exception {
        Recovery.Input in = Recovery.resolve(chunk);
        assertEquals(chunk, in.recording());
        assertNull(in.note());
    }

    @Test
    void aJvmThatStillRecordsIsNotRecoveredButSnapshot() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        Path jfr = Files.createFile(out.resolve("running.jfr"));
        markerFor(self.pid(), RecordingMarker.startOf(self), jfr, tmp);
        ReportException e = assertThrows(ReportException.class, () -> Recovery.resolve(jfr));
        assertEquals("cannot read " + jfr + ": JVM " + self.pid() + " is still recording to it (JFR writes the file"
                + " when it stops); 'java -jar agent.jar snapshot " + self.pid() + "' writes what it holds now",
                e.getMessage());
    }

    @Test
    void nothingLeftToRecoverSaysWhereItLooked() throws Exception {
        Path jfr = Files.createFile(out.resolve("app-20261127-214501-" + DEAD + ".jfr"));
        ReportException e = assertThrows(ReportException.class, () -> Recovery.resolve(jfr));
        assertEquals("cannot read " + jfr + ": the file is empty: its JVM was killed before JFR wrote it (kill -9, a"
                + " crash, the OOM killer), and no JFR repository of JVM " + DEAD + " is left in " + tmp, e.getMessage());
        Path plain = Files.createFile(out.resolve("mine.jfr"));
        assertTrue(assertThrows(ReportException.class, () -> Recovery.resolve(plain)).getMessage()
                .endsWith("; its chunks may be left in JFR's repository, " + tmp + "/<date>_<pid>/*.jfr"));
    }

    @Test
    void staleMarkersWithNothingToRecoverAreCleanedUpOthersStay() throws Exception {
        Path repo = repository(DEAD);
        Path keep = markerFor(DEAD, "x", Files.createFile(out.resolve("a.jfr")), repo);
        Path gone = markerFor(DEAD + 1, "x", Files.createFile(out.resolve("b.jfr")), tmp.resolve("no-such-repository"));
        Path written = markerFor(DEAD + 2, "x", chunk, repo);
        ProcessHandle self = ProcessHandle.current();
        Path alive = markerFor(self.pid(), RecordingMarker.startOf(self), out.resolve("c.jfr"), tmp);
        RecordingMarker.cleanUpStale();
        assertTrue(Files.exists(keep), "killed, with chunks left: kept for recovery");
        assertFalse(Files.exists(gone), "killed, nothing left");
        assertFalse(Files.exists(written), "its recording was written");
        assertTrue(Files.exists(alive), "its JVM runs");
    }

    private static Path markerFor(long pid, String started, Path jfr, Path repository) throws Exception {
        Path marker = RecordingMarker.of(pid);
        Files.createDirectories(marker.getParent());
        Files.write(marker, RecordingMarker.lines(started, jfr, repository), StandardCharsets.UTF_8);
        return marker;
    }

    @Test
    void markersNeedAPidNameAndARecording() throws Exception {
        Path dir = Files.createDirectories(RecordingMarker.directory());
        assertTrue(RecordingMarker.read(Files.writeString(dir.resolve("x.recording"), "a\nb\n")).isEmpty());
        assertTrue(RecordingMarker.read(Files.writeString(dir.resolve("12.recording"), "a\n")).isEmpty());
        assertTrue(RecordingMarker.read(Files.writeString(dir.resolve("13.txt"), "a\n/x.jfr\n")).isEmpty());
        RecordingMarker old = RecordingMarker.read(Files.writeString(dir.resolve("14.recording"), "a\n/x.jfr\n"))
                .orElseThrow();
        assertEquals(List.of(14L, Path.of("/x.jfr")), List.of(old.pid(), old.jfr()));
        assertNull(old.repository(), "a marker of an older agent has no repository line");
    }
}
