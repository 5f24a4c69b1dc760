package dev.weft.junit;

import dev.weft.agent.start.WeftInProcess;
import dev.weft.reports.model.ThreadInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Records pieces of a test with Weft, one {@link #run} at a time; a test method gets its own by
 * declaring a parameter of this type (see {@link WeftExtension}). Each run has its own JFR recording
 * and its own HTML report under {@code target/weft/<test class>/}, named after the test method and the run.
 */
public final class WeftRecorder {

    /** How long a run's end waits for the threads it started to finish leaving. */
    static final long EXIT_GRACE_MILLIS = 2_000;

    private final Class<?> testClass;
    private final String testMethod;
    private final Path dir;
    private final Set<String> used = new HashSet<>();

    WeftRecorder(Class<?> testClass, String testMethod, Path dir) {
        this.testClass = testClass;
        this.testMethod = testMethod;
        this.dir = dir;
    }

    /**
     * Runs {@code body} on this thread and records it: the code, the threads it starts (and those they
     * start), their workload spans and their waits, until it returns. Then writes the run's report and
     * returns its figures. When {@code body} throws, the report is still written and the exception thrown on.
     * A run that leaves threads behind takes up to {@value #EXIT_GRACE_MILLIS} ms longer: its end waits that
     * long for threads that are just leaving.
     *
     * @param name what the run does, e.g. {@code "download"}: it names the report and the run in failures
     * @throws IllegalStateException when another run records in this JVM at the same moment (runs see
     *                               the whole JVM, so they cannot overlap), or the run could not be reported
     */
    public WeftRun run(String name, ThrowingRunnable body) throws Exception {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a run needs a name");
        }
        WeftInProcess weft = AgentLoader.weft();
        String base = uniqueBase(fileName(testMethod + "-" + name));
        Path jfr;
        Path html;
        try {
            Files.createDirectories(dir);
            jfr = dir.resolve(base + ".jfr");
            html = dir.resolve(base + ".html");
            Files.deleteIfExists(jfr);
        } catch (IOException e) {
            throw new UncheckedIOException("Weft cannot write its reports to " + dir, e);
        }
        String method = testClass.getName() + "::" + identifier(name);
        long caller = RunReport.threadId(Thread.currentThread());
        Set<Long> liveAtStart = livePlatformThreads();
        WeftInProcess.Run run;
        try {
            run = weft.startRun(method, jfr);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Weft runs cannot overlap in one JVM, and another test's run is recording "
                    + "right now: with parallel test execution, annotate the Weft test classes with @Isolated and "
                    + "@Execution(ExecutionMode.SAME_THREAD)", e);
        }
        Throwable failed = null;
        try {
            body.run();
        } catch (Throwable t) {
            failed = t;
        } finally {
            run.endSpan();
            awaitExits(liveAtStart);
            run.stop();
        }
        if (failed != null) {
            try {
                RunReport.of(name, method, caller, jfr, html);
            } catch (RuntimeException e) {
                failed.addSuppressed(e);
            }
            throw WeftRecorder.<Exception>sneaky(failed);
        }
        return RunReport.of(name, method, caller, jfr, html);
    }

    /**
     * Waits, at most {@link #EXIT_GRACE_MILLIS}, for the platform threads started during the run to be
     * gone: a pool shut down and awaited is terminated while its last workers are still on their way out,
     * and that is no thread left running. The recording still runs meanwhile and sees them end.
     */
    static void awaitExits(Set<Long> liveAtStart) {
        long deadline = System.nanoTime() + EXIT_GRACE_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            Set<Long> now = livePlatformThreads();
            now.removeAll(liveAtStart);
            if (now.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(20); // each look lists every thread at a safepoint: not too often
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The live platform threads but the JVM's and the tools' own (JFR's start with the first recording) and the
     * common pool's, which stay after their task until the pool retires them: waiting for those would always
     * take the whole grace. A common-pool worker still busy is judged by {@link RunReport} all the same.
     */
    private static Set<Long> livePlatformThreads() {
        Set<Long> ids = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            boolean commonPool = t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool();
            if (!commonPool && !ThreadInfo.isSystemName(t.getName())) {
                ids.add(RunReport.threadId(t));
            }
        }
        return ids;
    }

    /** The directory the runs' reports go to. */
    public Path directory() {
        return dir;
    }

    private synchronized String uniqueBase(String base) {
        String name = base;
        for (int n = 2; !used.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** A file name made of the run's name: letters, digits, {@code . _ -}, at most 120 characters. */
    static String fileName(String s) {
        String safe = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 120 ? safe.substring(0, 120) : safe;
    }

    /**
     * The run's name as the method of its span: a Java identifier, so that the phase filter the
     * analysis is given can name it ({@code "two runs"} is {@code two_runs}, {@code "1st"} is {@code _1st}).
     */
    static String identifier(String name) {
        StringBuilder b = new StringBuilder();
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            b.append('_');
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        return b.toString();
    }

    /** Throws {@code t} as it is, checked or not: the body's own exception reaches the test unchanged. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
