package dev.weft.agent.it;

import dev.weft.testkit.Jdk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** {@code java -jar agent.jar watch …} as its own process; its output lines read as they come, each with the time it came. */
final class WatchProcess implements AutoCloseable {

    /** A line of standard output and when the test read it ({@link System#nanoTime()}). */
    record Line(String text, long nanos) { }

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private WatchProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(new Line(line, System.nanoTime()));
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "watch-output");
        reader.setDaemon(true);
        reader.start();
    }

    static WatchProcess start(Path dir, String... args) throws IOException {
        return start(ForkedJvm.TEST_JDK, dir, args);
    }

    /** The watcher on {@code jdk}. */
    static WatchProcess start(Jdk jdk, Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(jdk.java(), "-jar", ForkedJvm.AGENT_JAR.toString(), "watch"));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "watch", ".err");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        return new WatchProcess(p, err);
    }

    /** The next line that matches, within {@code seconds}; lines before it are dropped. */
    Line next(Predicate<String> matches, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Line l = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (l == null) {
                throw new AssertionError("no such line from watch within " + seconds + " s; alive: " + process.isAlive()
                        + "; stderr:\n" + stderr());
            }
            if (matches.test(l.text())) {
                return l;
            }
        }
    }

    /** SIGTERM, as Ctrl-C's SIGINT: the same shutdown hook ends the watch. Returns the exit code. */
    int interrupt() throws Exception {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            throw new AssertionError("watch did not end on SIGTERM; stderr:\n" + stderr());
        }
        reader.join(10_000);
        return process.exitValue();
    }

    int awaitExit(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("watch did not end within " + seconds + " s; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** The JVM doing the watch: the command's child when it gave the watch a heap of its own, else the command. */
    ProcessHandle watcher() {
        List<ProcessHandle> children = process.toHandle().children().toList();
        return children.isEmpty() ? process.toHandle() : children.get(0);
    }

    /** The heap options of the JVM doing the watch. */
    List<String> watcherHeap() {
        String[] args = watcher().info().arguments().orElseThrow(() -> new AssertionError("no command line to read"));
        return Stream.of(args).filter(a -> a.startsWith("-Xmx")).toList();
    }

    /** SIGKILL to the command: no hook of its own runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("watch survived SIGKILL");
        }
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Files.deleteIfExists(stderr);
    }
}
