package dev.weft.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM the live benchmarks run beside them: its stdout read as it comes (each line with the wall
 * time it came), its stdin to talk to, its stderr in a file, and Linux's account of its memory.
 */
final class Child implements AutoCloseable {

    /** A line and when it was read, epoch milliseconds. */
    record Line(String text, long millis) { }

    private final Process process;
    private final PrintWriter in;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final Path stderr;

    private Child(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(new Line(line, System.currentTimeMillis()));
                }
            } catch (IOException e) {
                // it ended
            }
        }, "bench-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static Child java(Path work, String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Locations.java());
        cmd.addAll(args);
        Path err = work.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(err.toFile()).start();
        return new Child(p, err);
    }

    void send(String line) {
        in.println(line);
    }

    void closeInput() {
        in.close();
    }

    /** The next line that matches within {@code seconds}; the lines before it are dropped. */
    Line await(Predicate<String> matches, long seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Line l = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (l == null) {
                throw new IllegalStateException("no expected line within " + seconds + " s; alive " + process.isAlive()
                        + "; stderr:\n" + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            if (matches.test(l.text())) {
                return l;
            }
        }
    }

    /** Lines read so far and not yet awaited, dropped: counts them. */
    int drain() {
        List<Line> all = new ArrayList<>();
        lines.drainTo(all);
        return all.size();
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time used so far, milliseconds; NaN where the OS does not say. */
    double cpuMillis() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    }

    int stop(long seconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("did not exit within " + seconds + " s");
        }
        return process.exitValue();
    }

    /** A field of Linux's {@code /proc/<pid>/status} in KB ({@code VmRSS}, {@code VmHWM}), or -1. */
    static long statusKb(long pid, String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith(field + ":")) {
                    return Long.parseLong(l.substring(field.length() + 1).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return -1;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
