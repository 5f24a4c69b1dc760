package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fixture.PlatformWaits;
import dev.weft.fixture.RealWaits;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.ThreadBreakdown;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.Pins;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.render.JsonSummary;
import dev.weft.testkit.Jdk;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layer 3 for real programs: what they wait on, each with a known answer: I/O, child processes and idle
 * pools on every supported JDK ({@link PlatformWaits}, 17 included), and what virtual threads add on 21
 * and 25 ({@link RealWaits}).
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class RealProgramsIT {

    private static final long MS = 1_000_000L;
    /** Each wait lasts at least this; a loaded machine only makes it longer. */
    private static final long AT_LEAST = RealWaits.WAIT_MILLIS * MS * 9 / 10;

    @TempDir
    Path out;

    /** Runs a mode of {@link RealWaits} under the agent on {@code jdk} and analyses its recording. */
    private Analysis run(Jdk jdk, String mode) throws Exception {
        return run(jdk, RealWaits.class, mode);
    }

    /** Runs a mode of {@link PlatformWaits}: Java 17 code. */
    private Analysis runPlatform(Jdk jdk, String mode) throws Exception {
        return run(jdk, PlatformWaits.class, mode);
    }

    private Analysis run(Jdk jdk, Class<?> fixture, String mode) throws Exception {
        RealRun r = RealRun.of(jdk, out.resolve(jdk.feature() + "-" + mode), "", fixture.getName(), mode);
        assertTrue(r.stdout().contains("real waits done: " + mode), r.stderr());
        return r.analysis();
    }

    static ThreadInfo thread(Analysis a, String name) {
        return a.model().threads().stream().filter(t -> name.equals(t.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name));
    }

    static long time(Analysis a, String thread, String kind) {
        int k = a.kinds().indexOf(kind);
        return k < 0 ? 0 : a.breakdown(a.model().threads().indexOf(thread(a, thread))).waiting(k);
    }

    static ThreadBreakdown breakdown(Analysis a, String thread) {
        return a.breakdown(a.model().threads().indexOf(thread(a, thread)));
    }

    /** The details (address, process) of the thread's waits of this kind. */
    private static List<String> details(Analysis a, String thread, String kind) {
        Model m = a.model();
        WaitSpans w = thread(a, thread).waits();
        List<String> details = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            if (kind.equals(m.strings().get(w.kind(i))) && w.detail(i) >= 0) {
                details.add(m.strings().get(w.detail(i)));
            }
        }
        return details;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.testkit.Jdks#required")
    void aPlatformThreadBlockedInANativeSocketReadIsInIo(Jdk jdk) throws Exception {
        Analysis a = runPlatform(jdk, "read-platform");
        assertTrue(time(a, "real-client", "io") >= AT_LEAST, "io " + time(a, "real-client", "io") / MS + " ms");
        assertTrue(details(a, "real-client", "io").stream().anyMatch(d -> d.contains("127.0.0.1")
                || d.contains("localhost")), "names the server: " + details(a, "real-client", "io"));
        assertTrue(breakdown(a, "real-client").other() < AT_LEAST / 3, "not 'other'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.testkit.Jdks#withVirtualThreads")
    void aVirtualThreadParkedInASocketReadIsInIoAndThePollersAreTheJdks(Jdk jdk) throws Exception {
        Analysis a = run(jdk, "read-virtual");
        assertTrue(time(a, "real-client", "io") >= AT_LEAST, "io " + time(a, "real-client", "io") / MS + " ms");
        assertEquals(0, time(a, "real-client", "park"), "the poller's park belongs to the read");
        assertEquals(1, a.virtualThreads(), "the client is the only application virtual thread");
        for (ThreadInfo t : a.model().threads()) {
            String n = String.valueOf(t.name());
            if (n.startsWith("SubPoller-") || n.endsWith("Poller") || n.matches("ForkJoinPool-\\d+-worker-\\d+")
                    || n.startsWith("VirtualThread-")) {
                assertTrue(t.isSystem(), jdk + ": " + n + " is the JDK's");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.testkit.Jdks#required")
    void httpClientSendIsIoAndTheServersIdleWorkersAreIdle(Jdk jdk) throws Exception {
        Analysis a = runPlatform(jdk, "http");
        assertTrue(time(a, "main", "io") >= 2 * AT_LEAST, "send + sendAsync().get(): " + time(a, "main", "io") / MS);
        assertEquals(0, time(a, "main", "future"), "not a future: the network");
        assertTrue(a.model().threads().stream().filter(t -> String.valueOf(t.name()).endsWith("SelectorManager"))
                .allMatch(ThreadInfo::isSystem), "the client's selector is the JDK's");
        long handlerIdle = a.model().threads().stream().filter(t -> "real-handler".equals(t.name()))
                .mapToLong(t -> a.breakdown(a.model().threads().indexOf(t)).idle()).sum();
        assertTrue(handlerIdle > 0, "the handler pool waits for requests: idle");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.testkit.Jdks#required")
    void waitingForAChildProcessIsProcess(Jdk jdk) throws Exception {
        Analysis a = runPlatform(jdk, "process");
        assertTrue(time(a, "main", "process") >= 2 * AT_LEAST, "waitFor + onExit().get(): "
                + time(a, "main", "process") / MS);
        assertEquals(0, time(a, "main", "condition") + time(a, "main", "future") + time(a, "main", "monitor"));
        assertTrue(details(a, "main", "process").stream().anyMatch(d -> d.matches("pid \\d+")),
                details(a, "main", "process").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.testkit.Jdks#required")
    void anIdlePoolWorkerIsIdleNotBlocked(Jdk jdk) throws Exception {
        Analysis a = runPlatform(jdk, "idle");
        ThreadBreakdown worker = breakdown(a, "real-idle-worker");
        assertTrue(worker.idle() >= AT_LEAST, "idle " + worker.idle() / MS);
        // waiting for the next task is idle, never the queue wait it used to be; what may remain is real
        // contention on the pool's locks (the queue's as main submits, the pool's as shutdown() interrupts the
        // worker), as long as the scheduler keeps the holder off a core: 8 ms seen on 21 at load ≈ 10
        assertEquals(0, time(a, "real-idle-worker", "queue"), "no queue wait");
        long blockedOtherwise = worker.waiting() - time(a, "real-idle-worker", "lock");
        assertTrue(blockedOtherwise < worker.idle() / 10,
                "blocked " + blockedOtherwise / 1000 + " µs besides locks and " + worker.idle() / MS + " ms idle");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        JsonSummary.write(a, json, 0, "test");
        String text = json.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*\"name\":\"real-idle-worker\".*?\"idleMs\":[1-9].*"), "perThread idleMs");
        String byKind = text.substring(text.indexOf("\"waitsByKind\""), text.indexOf("\"wakeEdges\""));
        assertFalse(byKind.contains("idle"), byKind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.testkit.Jdks#withVirtualThreads")
    void anApplicationForkJoinPoolIsTheApplicationsAndItsCarriersAreTheJdks(Jdk jdk) throws Exception {
        Analysis a = run(jdk, "own-fork-join");
        ThreadInfo own = thread(a, "ForkJoinPool-1-worker-1");
        assertFalse(own.isSystem(), "named like a carrier, but the application's");
        assertTrue(a.breakdown(a.model().threads().indexOf(own)).idle() >= AT_LEAST, "waits for work: idle");
        assertTrue(a.model().threads().stream().filter(t -> String.valueOf(t.name()).startsWith("ForkJoinPool-2-worker"))
                .allMatch(ThreadInfo::isSystem), "the carriers are the JDK's");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.testkit.Jdks#withVirtualThreads")
    void aVirtualThreadEnteringAContendedMonitorWaits(Jdk jdk) throws Exception {
        Analysis a = run(jdk, "monitor");
        assertTrue(time(a, "real-entering", "monitor-enter") >= AT_LEAST,
                jdk + ": " + time(a, "real-entering", "monitor-enter") / MS + " ms");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.testkit.Jdks#withVirtualThreads")
    void aPinnedVirtualThreadShowsHowLongAndTheFrameThatPinnedIt(Jdk jdk) throws Exception {
        Analysis a = run(jdk, "pinned");
        ThreadInfo t = thread(a, "real-pinned");
        Pins pins = t.pins();
        assertTrue(pins.size() > 0 && pins.total() >= AT_LEAST, jdk + ": pinned " + pins.total() / MS + " ms");
        String stack = a.model().strings().get(pins.stack(0));
        assertTrue(stack != null && stack.contains("SlowInit.<clinit>"), stack);
    }
}
