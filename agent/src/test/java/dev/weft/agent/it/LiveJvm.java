package dev.weft.agent.it;

import dev.weft.fixture.LiveApp;
import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A running {@link LiveApp} in its own JVM, driven line by line over stdin, for the attach tests. */
final class LiveJvm implements AutoCloseable {

    /** How long one command may take before the test fails (and the JVM is killed). */
    private static final Duration ANSWER = Duration.ofMinutes(1);

    private final ChildProcess process;

    private LiveJvm(ChildProcess process) {
        this.process = process;
    }

    /** Starts it in {@code dir} with {@code jvmArgs} and returns once it said READY. */
    static LiveJvm start(Path dir, List<String> jvmArgs) throws Exception {
        return start(ForkedJvm.TEST_JDK, dir, jvmArgs);
    }

    /** The same on {@code jdk}. */
    static LiveJvm start(Jdk jdk, Path dir, List<String> jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(ForkedJvm.testClasses().toString());
        cmd.add(LiveApp.class.getName());
        LiveJvm jvm = new LiveJvm(ChildProcess.start(new ProcessBuilder(cmd).directory(dir.toFile())));
        jvm.expect("READY");
        return jvm;
    }

    long pid() {
        return process.pid();
    }

    /** Has it run one {@code waits} command, to its end. */
    void waits() throws Exception {
        process.send("waits");
        expect("WAITED");
    }

    /** Has a thread {@code live-holder} sleep until {@link #release()}; returns once it sleeps. */
    void hold() throws Exception {
        process.send("hold");
        expect("HELD");
    }

    void release() throws Exception {
        process.send("release");
        expect("RELEASED");
    }

    /** Starts the {@code scene} (a sleep, a lock wait, a monitor wait); returns once all three wait. */
    void scene() throws Exception {
        process.send("scene");
        expect("SCENE");
    }

    /** Ends the scene's waits; returns once its threads ended. */
    void endScene() throws Exception {
        process.send("end scene");
        expect("SCENE DONE");
    }

    /** Tells it to exit with {@code code} and returns the exit code it had. */
    int exit(int code) throws Exception {
        process.send("exit " + code);
        return process.await(ANSWER).exitCode();
    }

    /** SIGKILL: no shutdown hook runs, JFR writes nothing. */
    void kill() throws InterruptedException {
        process.kill();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stderr() {
        return process.stderr();
    }

    List<String> weftLines() {
        return stderr().lines().filter(l -> l.startsWith("[weft]")).toList();
    }

    private void expect(String line) throws InterruptedException {
        String got = process.nextLine(ANSWER);
        if (!line.equals(got)) {
            throw new AssertionError("expected " + line + " from the live JVM, got " + got + "; stderr:\n" + stderr());
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
