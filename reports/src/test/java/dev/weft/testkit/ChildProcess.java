package dev.weft.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process a test starts, whose every wait is bounded: stdout and stderr are read by threads
 * of their own from the start (a child that fills a pipe nobody reads would block, and a test that
 * reads a pipe to its end before {@code waitFor} never reaches its timeout), and a child that
 * overstays is killed and the test fails with what it printed so far.
 */
public final class ChildProcess implements AutoCloseable {

    /** How long a forked JVM may take unless the test says otherwise: generous on a shared 2-core machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /** The end of stdout in the line queue. */
    private static final String EOF = new String("EOF");

    /** What the child did, once it ended. */
    public record Result(int exitCode, String stdout, String stderr) {

        public List<String> out() {
            return stdout.lines().toList();
        }

        public List<String> err() {
            return stderr.lines().toList();
        }

        /** The lines of stderr with the agent's {@code [weft]} prefix. */
        public List<String> weftLines() {
            return stderr.lines().filter(l -> l.startsWith("[weft]")).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private final Process process;
    private final String command;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread outReader;
    private final Thread errReader;

    private ChildProcess(Process process, String command) {
        this.process = process;
        this.command = command;
        this.outReader = reader(process.getInputStream(), out, lines, "stdout");
        this.errReader = reader(process.getErrorStream(), err, null, "stderr");
    }

    /** Starts {@code builder}'s command; its stdout and stderr must not be redirected, they are read here. */
    public static ChildProcess start(ProcessBuilder builder) throws IOException {
        if (builder.redirectOutput() != ProcessBuilder.Redirect.PIPE
                || builder.redirectError() != ProcessBuilder.Redirect.PIPE || builder.redirectErrorStream()) {
            throw new IllegalArgumentException("ChildProcess reads stdout and stderr itself");
        }
        return new ChildProcess(builder.start(), String.join(" ", builder.command()));
    }

    /** Starts {@code command} in {@code dir} and waits for it, at most {@link #DEFAULT_TIMEOUT}. */
    public static Result run(List<String> command, java.nio.file.Path dir) throws IOException {
        try (ChildProcess child = start(new ProcessBuilder(command).directory(dir.toFile()))) {
            child.closeStdin();
            return child.await(DEFAULT_TIMEOUT);
        }
    }

    private Thread reader(InputStream in, StringBuffer text, BlockingQueue<String> queue, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    text.append(line).append('\n');
                    if (queue != null) {
                        queue.add(line);
                    }
                }
            } catch (IOException e) {
                text.append("[reading ").append(name).append(" failed: ").append(e).append("]\n");
            } finally {
                if (queue != null) {
                    queue.add(EOF);
                }
            }
        }, "child-" + name + "-" + process.pid());
        t.setDaemon(true);
        t.start();
        return t;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything on stderr so far. */
    public String stderr() {
        return err.toString();
    }

    /** Writes one line to the child's stdin. */
    public void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    public void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** The next line on stdout; fails, killing the child, if none comes within {@code timeout}. */
    public String nextLine(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line == EOF) {
            process.destroyForcibly();
            throw new AssertionError((line == null ? "no line within " + timeout : "stdout ended")
                    + " from: " + command + "\nstdout:\n" + out + "\nstderr:\n" + err);
        }
        return line;
    }

    /** Reads stdout up to the line {@code expected}; fails if it does not come within {@code timeout}. */
    public void awaitLine(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!nextLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))).equals(expected)) {
            // lines before it are kept in stdout()
        }
    }

    /**
     * Sends SIGTERM (what {@code kill PID} does). Through the process handle: {@code Process.destroy}
     * would also close our ends of the pipes, and lose what the child prints while it shuts down.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: no shutdown hook runs in the child. Fails if it is still there a minute later. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("survived SIGKILL: " + command);
        }
    }

    /** Waits for the end; a child still running after {@code timeout} is killed and the test fails. */
    public Result await(Duration timeout) throws IOException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not end within " + timeout + ", killed: " + command
                        + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            // the pipes close with the child, unless a grandchild inherited them: bounded as well
            outReader.join(10_000);
            errReader.join(10_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command, e);
        }
        return new Result(process.exitValue(), out.toString(), err.toString());
    }

    /** Kills the child if it still runs: a test that failed half-way leaves nothing behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
