package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fixture.FixtureApp;
import dev.weft.reports.Reports;
import dev.weft.reports.model.Model;
import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;
import dev.weft.testkit.WaitCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent on every JDK Weft supports (17, 21, 25: {@link dev.weft.testkit.Jdks}), with the real
 * {@code -javaagent:agent.jar}: what each records, every exit path with its exit code, the refusal
 * below the minimum, and the command-line tools. The rest of the forked suites run on one JDK.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EveryJdkIT {

    private static final String JDKS = "dev.weft.testkit.Jdks#required";
    private static final String WORKLOAD = "workload=" + FixtureApp.class.getName() + "::work";
    private static final Path REPORTS_JAR =
            Path.of(System.getProperty("weft.reports.jar", "../reports/target/reports.jar")).toAbsolutePath();

    @TempDir
    Path out;

    @BeforeAll
    static void fixtureIsJava17() throws IOException {
        ForkedJvm.assertFixtureRunsOnJava17();
    }

    private ForkedJvm.Result run(Jdk jdk, String agentArgs, String... args) throws IOException {
        return ForkedJvm.run(jdk, out, "out=" + out + (agentArgs.isEmpty() ? "" : "," + agentArgs), args);
    }

    @ParameterizedTest
    @MethodSource(JDKS)
    void everyWaitOfMainIsOneSpanInTheReport(Jdk jdk) throws Exception {
        ForkedJvm.Result r = run(jdk, WORKLOAD, "waits");
        assertEquals(0, r.exitCode(), r.stderr());
        Model model = Reports.analyse(r.only(".jfr")).model();

        Map<String, Integer> expected = new TreeMap<>(Map.of("sleep", 1, "latch", 1, "phaser", 1, "park", 1));
        if (jdk.hasVirtualThreads()) {
            expected.put("join", 2); // a platform thread and a virtual one
            expected.put("monitor", 1);
        } else {
            expected.put("join", 1);
            // on 17 Object.wait(long) is native, which no advice wraps: the JVM's own event records it
            expected.put("monitor-wait", 1);
        }
        assertEquals(expected, WaitCounts.ofThread(model, "main"), "main's waits on " + jdk + ": "
                + WaitCounts.describe(model, "main"));

        long workloads = model.threads().stream().mapToLong(t -> t.workloads().size()).sum();
        assertEquals(jdk.hasVirtualThreads() ? 2 : 1, workloads, "work() on worker-1, and on the virtual thread");
        assertEquals(0, model.agentStatus().transformErrors(), "every wait type woven on " + jdk);
        assertEquals(0L, model.agentStatus().suppressedErrors());
    }

    @ParameterizedTest
    @MethodSource(JDKS)
    void returnFromMainKeepsExitCodeZeroAndTheReportsCliReadsTheRecording(Jdk jdk) throws Exception {
        ForkedJvm.Result r = run(jdk, "", "quick");
        assertEquals(0, r.exitCode(), r.stderr());
        ForkedJvm.assertWritten(r);

        ChildProcess.Result summary = ChildProcess.run(List.of(jdk.java(), "-jar", REPORTS_JAR.toString(),
                "summary", r.only(".jfr").toString()), out);
        assertEquals(0, summary.exitCode(), "reports.jar on " + jdk + ": " + summary);
        assertTrue(summary.stdout().matches("(?s).*\\n  sleep +1 .*"), "the fixture's one sleep: " + summary.stdout());
    }

    @ParameterizedTest
    @MethodSource(JDKS)
    void systemExitKeepsItsCode(Jdk jdk) throws Exception {
        ForkedJvm.Result r = run(jdk, "", "exit", "3");
        assertEquals(3, r.exitCode(), r.stderr());
        ForkedJvm.assertWritten(r);
    }

    @ParameterizedTest
    @MethodSource(JDKS)
    void uncaughtExceptionKeepsExitCodeOne(Jdk jdk) throws Exception {
        ForkedJvm.Result r = run(jdk, "", "throw");
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("fixture fails on purpose"));
        ForkedJvm.assertWritten(r);
    }

    @ParameterizedTest
    @MethodSource(JDKS)
    void sigtermKeepsExitCode143(Jdk jdk) throws Exception {
        try (ChildProcess child = ForkedJvm.start(jdk, out, "out=" + out, List.of(), FixtureApp.class.getName(), "term")) {
            child.awaitLine("READY", ChildProcess.DEFAULT_TIMEOUT);
            child.terminate();
            ForkedJvm.Result r = ForkedJvm.Result.of(child.await(Duration.ofMinutes(1)), out);
            assertEquals(143, r.exitCode(), r.stderr());
            ForkedJvm.assertWritten(r);
        }
    }

    /**
     * Below Java 17 the agent must not abort the JVM (the fate of a Java 17 class on an older JVM): one
     * line, then the application runs unobserved with its own exit code. The version check is run on
     * this JDK as if it were Java 11; that the entry class itself loads on Java 8 is {@code WeftAgentTest}'s.
     */
    @ParameterizedTest
    @MethodSource(JDKS)
    void belowTheMinimumOneLineAndTheApplicationRunsUnobserved(Jdk jdk) throws Exception {
        try (ChildProcess child = ForkedJvm.startWith(jdk, out, List.of("-Dweft.test.javaVersion=11",
                ForkedJvm.agent("out=" + out)), List.of(), FixtureApp.class.getName(), "exit", "3")) {
            ChildProcess.Result r = child.await(ChildProcess.DEFAULT_TIMEOUT);
            assertEquals(3, r.exitCode(), r.toString());
            assertEquals(List.of("[weft] Weft needs Java 17 or newer and this is Java 11; the application runs without it"),
                    r.err(), "exactly one line, naming the version needed");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "nothing recorded, nothing written");
        }
    }

    /**
     * A JVM that records an AOT cache (JDK 25's {@code -XX:AOTCacheOutput}) crashed with the agent in it
     * (exit 134, an hs_err file): the agent steps aside with one line, and the training run ends as the
     * application decides. (The JVM then declines to assemble the cache, as the agent's manifest extended
     * the boot class path: the line tells the user to make it without the agent.)
     */
    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("withAotCaches")
    void aJvmRecordingAnAotCacheRunsUnobservedInsteadOfCrashing(Jdk jdk) throws Exception {
        Path cache = out.resolve("app.aot");
        // an AOT cache takes its classes from jars only: the fixture's package, jarred
        Path jar = out.resolve("fixture.jar");
        Path classes = ForkedJvm.testClasses();
        Path fixture = classes.resolve(FixtureApp.class.getPackageName().replace('.', '/'));
        try (var zip = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(fixture)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        try (ChildProcess child = ChildProcess.start(new ProcessBuilder(jdk.java(), "-XX:AOTCacheOutput=" + cache,
                ForkedJvm.agent("out=" + out), "-cp", jar.toString(), FixtureApp.class.getName(), "exit", "3")
                .directory(out.toFile()))) {
            child.closeStdin();
            ChildProcess.Result r = child.await(ChildProcess.DEFAULT_TIMEOUT);
            assertEquals(3, r.exitCode(), r.toString());
            List<String> ours = r.err().stream().filter(l -> l.startsWith("[weft]")).toList();
            assertEquals(List.of("[weft] this JVM records an AOT cache (-XX:AOTCacheOutput=" + cache + "), which an"
                    + " instrumenting agent makes crash; Weft records nothing and the application runs unobserved"
                    + " (make the cache without -javaagent)"),
                    ours, "exactly one line of Weft's");
        }
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("hs_err") || n.endsWith(".jfr")), names.toString());
        }
    }

    /** The required JDKs that can record an AOT cache in one run (25 on). */
    static List<Jdk> withAotCaches() {
        return dev.weft.testkit.Jdks.required().stream().filter(j -> j.feature() >= 25).toList();
    }

    /**
     * The same on a real JVM older than 17, where the JVM itself loads the entry class, if the machine
     * has one (Jdks says so when it has none). The application is compiled here for Java 8.
     */
    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.weft.testkit.Jdks#older")
    void onARealOldJvmOneLineAndTheApplicationRunsUnobserved(Jdk old) throws Exception {
        Path src = Files.writeString(out.resolve("OldApp.java"), "public class OldApp { public static void main("
                + "String[] a) { System.out.println(\"old app ran\"); System.exit(3); } }");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "8", "-Xlint:-options", "-d", out.toString(),
                src.toString()), "compiled for Java 8");
        ChildProcess.Result r = ChildProcess.run(List.of(old.java(), ForkedJvm.agent("out=" + out), "-cp",
                out.toString(), "OldApp"), out);
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(List.of("old app ran"), r.out());
        assertEquals(List.of("[weft] Weft needs Java 17 or newer and this is Java " + old.feature()
                + "; the application runs without it"), r.err(), "exactly one line, naming the version needed");
    }

    /** {@code java -jar agent.jar list|attach|stop}, the command and the JVM it attaches to both on {@code jdk}. */
    @ParameterizedTest
    @MethodSource(JDKS)
    void attachRecordsARunningJvmAndStopWritesTheReport(Jdk jdk) throws Exception {
        try (LiveJvm app = LiveJvm.start(jdk, out, List.of())) {
            String pid = Long.toString(app.pid());
            ChildProcess.Result list = AgentCliRun.run(jdk, ForkedJvm.AGENT_JAR, List.of(), "list");
            assertEquals(0, list.exitCode(), "agent.jar list on " + jdk + ": " + list);
            assertTrue(list.out().stream().anyMatch(l -> l.startsWith(pid + " ")), list.toString());

            ChildProcess.Result attach = AgentCliRun.run(jdk, ForkedJvm.AGENT_JAR, List.of(), "attach", pid,
                    "out=" + out.resolve("attached"), "cache=" + out.resolve("cache"));
            assertEquals(0, attach.exitCode(), attach.toString());
            app.waits();
            ChildProcess.Result stop = AgentCliRun.run(jdk, ForkedJvm.AGENT_JAR, List.of(), "stop", pid);
            assertEquals(0, stop.exitCode(), stop + "\napp:\n" + app.stderr());
            Path jfr;
            try (Stream<Path> files = Files.list(out.resolve("attached"))) {
                jfr = files.filter(p -> p.toString().endsWith(".jfr")).findFirst().orElseThrow();
            }
            assertEquals(Map.of("sleep", 2, "latch", 1, "join", 1), WaitCounts.ofThread(Reports.analyse(jfr).model(), "main"),
                    "one round of LiveApp's waits, on " + jdk);
            assertEquals(4, app.exit(4), "the JVM keeps its own exit code");
        }
    }
}
