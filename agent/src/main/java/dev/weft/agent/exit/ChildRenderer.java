package dev.weft.agent.exit;

import dev.weft.agent.JavaCommand;
import dev.weft.reports.ClassArchive;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Renders a report in a child JVM, so that the application's heap is never touched by it: reading
 * a large recording at exit used to take the app from 180 MB to 837 MB of RSS, enough for a
 * container's memory limit to kill it while it shut down. The child has a small fixed heap and a
 * deadline; past the deadline it is killed and the caller says how to render the report later. The reader
 * keeps its model within the heap it has and says what it left out, the recording's end: 100,000 virtual
 * threads' 10 MB recording is drawn for its first 1.2 s of 1.8 in 48 MB of heap (97 MB of RSS), whole in
 * 160 MB; should the model still run out of memory, the report is made again with a quarter of it. C1 alone
 * and the serial collector, for a short batch job, took half the CPU time of the JVM's defaults on 17 and
 * 25 (bench/RESULTS.md).
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
        ClassArchive archive = ClassArchive.none();
        int exit = -1;
        try {
            String classPath = JavaCommand.classPath(RenderMain.class, dev.weft.reports.Reports.class);
            archive = archive(classPath);
            ProcessBuilder pb = new ProcessBuilder(command(jfr, html, heapBytes, classPath, archive.options()));
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
            exit = child.exitValue();
            return new Result(exit, read(output), (System.nanoTime() - t0) / 1_000_000);
        } finally {
            finish(archive, exit);
            Files.deleteIfExists(output);
        }
    }

    /**
     * The class archive of the child beside agent.jar, one per JDK ({@link ClassArchive}): the child reads its
     * classes from a 5.5 MB jar, and with the archive the lock stress's exit report took 0.57 s, not 0.69 s
     * (bench/RESULTS.md). None when the classes come from the build's directories, which CDS cannot archive.
     */
    static ClassArchive archive(String classPath) {
        try {
            Path jar = Path.of(classPath);
            Path dir = jar.toAbsolutePath().getParent();
            if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar") || !Files.isRegularFile(jar)
                    || dir == null) {
                return ClassArchive.none();
            }
            String home = System.getProperty("java.home");
            String name = "weft-report-jdk" + Runtime.version() + "-" + Integer.toHexString(home.hashCode()) + ".jsa";
            return ClassArchive.prepare(Runtime.version().feature(), Path.of(home), dir.resolve(name), jar);
        } catch (RuntimeException e) {
            return ClassArchive.none(); // a slower start, never a failed report
        }
    }

    private static void finish(ClassArchive archive, int exit) {
        try {
            archive.finish(exit == 0 || exit == RenderMain.PARTIAL); // a partial report was written too
        } catch (IOException | RuntimeException e) {
            // the next report writes it again
        }
    }

    static List<String> command(Path jfr, Path html, long heapBytes, String classPath, List<String> archive) {
        List<String> cmd = new ArrayList<>();
        cmd.add(JavaCommand.javaBinary().toString());
        // a fixed heap, so the child's memory is known; its JVM adds about 50 MB of RSS to it
        cmd.add("-Xmx" + Math.max(16, heapBytes >> 20) + "m");
        // a short-lived batch job: one GC thread, C1 only and early, no perf file (nothing lists it as a JVM)
        cmd.addAll(dev.weft.reports.Reports.JVM_OPTIONS);
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xss512k");
        cmd.addAll(archive);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(RenderMain.class.getName());
        cmd.add(jfr.toAbsolutePath().toString());
        cmd.add(html.toAbsolutePath().toString());
        return cmd;
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
