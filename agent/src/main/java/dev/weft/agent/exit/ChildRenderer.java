package dev.weft.agent.exit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Renders a report in a child JVM, so that the application's heap is never touched by it: reading
 * a large recording at exit used to take the app from 180 MB to 837 MB of RSS, enough for a
 * container's memory limit to kill it while it shut down. The child has a small fixed heap and a
 * deadline; past the deadline it is killed and the caller says how to render the report later. Measured on
 * 100,000 virtual threads' recording (15 MB): it needs a 128 MB heap with today's reader, 180 MB of RSS.
 */
final class ChildRenderer {

    /** Environment that would load agents into the child too: Weft recording its own renderer. */
    private static final List<String> AGENT_ENVIRONMENT = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    /** What is kept of the child's output: a summary line, or a reason. */
    private static final int OUTPUT_LIMIT = 4096;

    /** How a rendering ended: the child's exit code ({@code -1}: it was killed at the deadline) and its output. */
    record Result(int exitCode, String output, long millis) {

        boolean timedOut() {
            return exitCode == -1;
        }
    }

    private ChildRenderer() { }

    /**
     * Runs the child and waits for it until {@code deadlineNanos} ({@link System#nanoTime()}).
     *
     * @throws IOException when no child JVM could be started
     */
    static Result render(Path jfr, Path html, long heapBytes, long deadlineNanos) throws IOException, InterruptedException {
        Path output = Files.createTempFile("weft-render-", ".txt");
        long t0 = System.nanoTime();
        try {
            ProcessBuilder pb = new ProcessBuilder(command(jfr, html, heapBytes));
            Map<String, String> env = pb.environment();
            AGENT_ENVIRONMENT.forEach(env::remove);
            pb.redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            Process child = pb.start();
            long left = deadlineNanos - System.nanoTime();
            if (!child.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                child.destroyForcibly();
                child.waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, read(output), (System.nanoTime() - t0) / 1_000_000);
            }
            return new Result(child.exitValue(), read(output), (System.nanoTime() - t0) / 1_000_000);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static List<String> command(Path jfr, Path html, long heapBytes) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary().toString());
        // a fixed heap, so the child's memory is known; its JVM adds about 50 MB of RSS to it
        cmd.add("-Xmx" + Math.max(16, heapBytes >> 20) + "m");
        // a short-lived batch job: one GC thread, no JIT tiers beyond C1, no perf file (nothing lists it as a JVM)
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xss512k");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(RenderMain.class.getName());
        cmd.add(jfr.toAbsolutePath().toString());
        cmd.add(html.toAbsolutePath().toString());
        return cmd;
    }

    private static Path javaBinary() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path java = bin.resolve("java");
        return Files.isExecutable(java) ? java : bin.resolve("java.exe");
    }

    /** Where this agent's classes and the reports library come from: one agent.jar, or the build's directories. */
    private static String classPath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {RenderMain.class, dev.weft.reports.Reports.class}) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new IOException("cannot tell where " + c.getName() + " was loaded from");
            }
            try {
                entries.add(Path.of(source.getLocation().toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IOException("cannot use the class path entry " + source.getLocation(), e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static File nullFile() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

    private static String read(Path output) throws IOException {
        try (InputStream in = Files.newInputStream(output)) {
            return new String(in.readNBytes(OUTPUT_LIMIT), StandardCharsets.UTF_8).strip();
        }
    }
}
