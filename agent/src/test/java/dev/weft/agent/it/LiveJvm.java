package dev.weft.agent.it;

import dev.weft.fixture.LiveApp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running {@link LiveApp} in its own JVM, driven line by line over stdin, for the attach tests. */
final class LiveJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final Path stderr;

    private LiveJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts it in {@code dir} with {@code jvmArgs} and returns once it said READY. */
    static LiveJvm start(Path dir, List<String> jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ForkedJvm.javaBinary());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(Path.of(System.getProperty("weft.test.classes", "target/test-classes")).toAbsolutePath().toString());
        cmd.add(LiveApp.class.getName());
        Path err = dir.resolve("live-stderr.txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(err.toFile()).start();
        LiveJvm jvm = new LiveJvm(p, err);
        jvm.expect("READY");
        return jvm;
    }

    long pid() {
        return process.pid();
    }

    /** Has it run one {@code waits} command, to its end. */
    void waits() throws IOException {
        in.println("waits");
        expect("WAITED");
    }

    /** Has a thread {@code live-holder} sleep until {@link #release()}; returns once it sleeps. */
    void hold() throws IOException {
        in.println("hold");
        expect("HELD");
    }

    void release() throws IOException {
        in.println("release");
        expect("RELEASED");
    }

    /** Starts the {@code scene} (a 3 s sleep, a 3 s lock wait); returns once both wait. */
    void scene() throws IOException {
        in.println("scene");
        expect("SCENE");
    }

    /** Waits until the scene's threads ended. */
    void sceneDone() throws IOException {
        expect("SCENE DONE");
    }

    /** Tells it to exit with {@code code} and returns the exit code it had. */
    int exit(int code) throws Exception {
        in.println("exit " + code);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the live JVM did not exit when told to; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, JFR writes nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the live JVM survived SIGKILL");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    List<String> weftLines() throws IOException {
        return stderr().lines().filter(l -> l.startsWith("[weft]")).toList();
    }

    private void expect(String line) throws IOException {
        String got = out.readLine();
        if (!line.equals(got)) {
            throw new AssertionError("expected " + line + " from the live JVM, got " + got + "; stderr:\n" + stderr());
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
