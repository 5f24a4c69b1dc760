package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fixture.LoadedServer;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.PhaseGroup;
import dev.weft.reports.model.ThreadInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server nobody here wrote, the JDK's HTTP server, under bounded loopback load ({@link LoadedServer}):
 * the report shows the handlers' I/O and lock, idle workers as idle, the JDK's threads as the JDK's,
 * nothing falsely alive at exit, and an exit line of a few dozen characters.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RealServerIT {

    private static final long MS = 1_000_000L;
    private static final int REQUESTS = LoadedServer.CLIENTS * LoadedServer.REQUESTS_PER_CLIENT;

    @TempDir
    Path out;

    private static long sum(Analysis a, Predicate<ThreadInfo> which, String kind) {
        int k = a.kinds().indexOf(kind);
        long t = 0;
        for (int i = 0; i < a.model().threads().size(); i++) {
            ThreadInfo th = a.model().threads().get(i);
            if (which.test(th)) {
                t += kind.equals("idle") ? a.breakdown(i).idle() : k < 0 ? 0 : a.breakdown(i).waiting(k);
            }
        }
        return t;
    }

    @ParameterizedTest(name = "{0} handlers")
    @ValueSource(strings = {"platform", "virtual"})
    void handlerIoLocksAndIdleWorkersAreShownAsTheyAre(String threads) throws Exception {
        RealRun r = RealRun.of(ForkedJvm.TEST_JDK, out.resolve(threads),
                "workload=" + LoadedServer.Hello.class.getName() + "::handle", LoadedServer.class.getName(), "test",
                threads);
        assertTrue(r.stdout().contains("served " + REQUESTS), r.stdout() + r.stderr());
        Analysis a = r.analysis();
        Predicate<ThreadInfo> handlers = t -> t.workloads().size() > 0 && !t.isSystem();
        // each request's body arrives BODY_PAUSE_MILLIS after its headers; the handler reads for what is left
        // of it once the request waited for a free handler, so a tenth is the bound that holds on a busy machine
        long io = sum(a, handlers, "io");
        assertTrue(io >= REQUESTS * LoadedServer.BODY_PAUSE_MILLIS * MS / 10, "handler I/O " + io / MS + " ms");
        long lock = sum(a, handlers, "monitor-enter");
        assertTrue(lock > 0, "handlers wait for the shared lock: " + a.kinds());
        assertEquals(0, sum(a, handlers, "park"), "no anonymous parks: every wait is named");
        if (threads.equals("platform")) {
            long idle = sum(a, t -> "handler".equals(t.name()), "idle");
            // each is idle from its last answer until the end; a busy machine takes a handler back to its queue
            // late, so half of the idle time after the load is what is certain (a queue wait would give none)
            assertTrue(idle >= 4 * LoadedServer.IDLE_MILLIS * MS / 2, "4 workers idle after the load: "
                    + idle / MS + " ms");
            assertEquals(0, sum(a, t -> "handler".equals(t.name()), "queue") + sum(a, t -> "handler".equals(t.name()),
                    "condition"), "waiting for the next request is not blocked");
        }
        long dispatcherBlocked = sum(a, t -> "HTTP-Dispatcher".equals(t.name()), "io");
        long dispatcherIdle = sum(a, t -> "HTTP-Dispatcher".equals(t.name()), "idle");
        assertTrue(dispatcherIdle > dispatcherBlocked, "the dispatcher waits for requests: idle " + dispatcherIdle / MS
                + " ms, io " + dispatcherBlocked / MS + " ms");
        List<PhaseGroup> groups = a.phaseGroups();
        assertEquals(1, groups.size(), "every handle() phase in one group: " + groups.size());
        String exitLine = r.stderr().lines().filter(l -> l.startsWith("[weft]") && l.contains("threads ("))
                .findFirst().orElseThrow();
        assertTrue(exitLine.length() < 300, "the exit line stays short: " + exitLine.length() + ": " + exitLine);
    }
}
