package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a JVM to completion and times it from start to exit, as a user waiting at a terminal would. */
final class Processes {

    /** {@code cpuMillis} is user + system CPU of the process, {@code NaN} where it cannot be known. */
    record Run(int exitCode, double wallMillis, double cpuMillis, String stdout, String stderr) { }

    private Processes() { }

    static Run java(Path work, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Locations.java());
        cmd.addAll(args);
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        double cpu0 = ChildCpu.millis();
        long t0 = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e6;
        double cpu = ChildCpu.millis() - cpu0;
        Run run = new Run(exit, wall, cpu, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("exit code " + exit + " from " + String.join(" ", cmd) + "\n" + run.stderr());
        }
        return run;
    }

    /** Deletes what a run left in {@code dir} (recordings, reports), keeping the folder. */
    static void clean(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            List<Path> all = files.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path p : all) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
