package dev.weft.reports.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<Path> files(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void theFileHasItsAttributesFromTheStart() throws Exception {
        Path target = dir.resolve("entry");
        Files.writeString(target, "readable by all");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFile.write(target, new byte[] {1, 2}, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
    }

    @Test
    void replacesTheTargetAndLeavesNothingElse() throws Exception {
        Path target = dir.resolve("new/sub/report.html");
        assertEquals(3, AtomicFile.write(target, "old".getBytes(StandardCharsets.UTF_8)), "the directory is created");
        long size = AtomicFile.write(target, out -> out.write("the new content".getBytes(StandardCharsets.UTF_8)));
        assertEquals(15, size);
        assertEquals("the new content", Files.readString(target));
        assertEquals(List.of(target), files(target.getParent()), "no temporary file left behind");
    }

    @Test
    void aFailedWriteKeepsTheOldFileWholeAndRemovesItsTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("report.html"), "old and whole");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old and whole", Files.readString(target));
        assertEquals(List.of(target), files(dir));
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, out -> {
            throw new IllegalStateException("a bug in the writer");
        }));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void aTargetInAPlainFileIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThrows(IOException.class, () -> AtomicFile.write(file.resolve("report.html"), new byte[] {1}));
        assertEquals(List.of(file), files(dir));
    }

    @Test
    @Timeout(60)
    void concurrentWritersOfOneTargetEachWriteWhole() throws Exception {
        // two JVMs may put the same class into a shared weaving cache at the same moment
        Path target = dir.resolve("key");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                byte[] content = new byte[64 * 1024 + i];
                Arrays.fill(content, (byte) i);
                contents.add(content);
                results.add(pool.submit(() -> {
                    go.await();
                    long n = 0;
                    for (int round = 0; round < 20; round++) {
                        n = AtomicFile.write(target, content);
                    }
                    return n;
                }));
            }
            go.countDown();
            for (int i = 0; i < writers; i++) {
                assertEquals(contents.get(i).length, results.get(i).get(30, TimeUnit.SECONDS));
            }
            byte[] last = Files.readAllBytes(target);
            assertTrue(contents.stream().anyMatch(c -> Arrays.equals(c, last)), "one writer's content, whole");
            assertArrayEquals(contents.get(last[0]), last);
            assertEquals(List.of(target), files(dir));
        } finally {
            pool.shutdownNow();
        }
    }
}
