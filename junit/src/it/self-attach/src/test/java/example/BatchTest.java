package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.junit.WeftAssertions;
import dev.weft.junit.WeftExtension;
import dev.weft.junit.WeftRecorder;
import dev.weft.junit.WeftRun;
import dev.weft.junit.WeftWorkload;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * weft-junit as a user has it: plain `mvn test`, the agent loaded by the extension itself. Times vary
 * with the machine, and starting a thread takes long on a loaded one: every figure is checked as a
 * ratio, with a wide margin (four tasks at once against a speed-up of 1.5; in sequence they make 1).
 */
@ExtendWith(WeftExtension.class)
@WeftWorkload("example.Batch::task")
class BatchTest {

    @Test
    void aParallelRunPasses(WeftRecorder weft) throws Exception {
        WeftRun run = weft.run("parallel", () -> Batch.parallel(4, 1000));
        WeftAssertions.assertSpeedUpAtLeast(run, 1.5);
        WeftAssertions.assertPeakInFlightAtLeast(run, 2);
        WeftAssertions.assertNoWaits(run, "lock");
        WeftAssertions.assertNoThreadsLeftRunning(run);
        assertTrue(run.workMillis() >= 4 * 1000, "four tasks of a second: " + run);
        assertTrue(run.waitingMillis("join") > 0, "the run joined its threads: " + run);
        assertTrue(Files.isRegularFile(run.report()), run.report().toString());
        assertTrue(run.report().startsWith(Path.of("target", "weft").toAbsolutePath()), run.report().toString());
        assertTrue(Files.readString(run.report()).contains("\"format\":\"weft-report\""), "the run's timeline");
        assertTrue(Files.size(run.recording()) > 0);
    }

    @Test
    void aSequentialRunFailsNamingTheReport(WeftRecorder weft) throws Exception {
        WeftRun run = weft.run("sequential", () -> Batch.sequential(4, 100));
        assertTrue(run.speedUp() < 1.3, "one task after the other: " + run);
        AssertionError e = assertThrows(AssertionError.class, () -> WeftAssertions.assertSpeedUpAtLeast(run, 1.5));
        assertTrue(e.getMessage().matches("run 'sequential': speed-up \\d\\.\\d\\dx, expected at least 1\\.50x; report: .+\\.html"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("report: " + run.report()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(Files.isRegularFile(run.report()));
    }

    @Test
    void aForgottenThreadIsNamed(WeftRecorder weft) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try {
            WeftRun run = weft.run("forgetful", () -> Forgetful.start("forgotten-worker", release));
            assertEquals(List.of("forgotten-worker"), run.threadsLeftRunning());
            AssertionError e = assertThrows(AssertionError.class, () -> WeftAssertions.assertNoThreadsLeftRunning(run));
            assertTrue(e.getMessage().startsWith("run 'forgetful': 1 thread left running (forgotten-worker), expected none; report: "),
                    e.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aContendedLockIsAWaitOfKindLock(WeftRecorder weft) throws Exception {
        WeftRun run = weft.run("ledger", () -> assertEquals(4, Ledger.postDuringAudit(4, 50)));
        assertTrue(run.waitingMillis("lock") > 0, "the posters queued on the lock: " + run);
        AssertionError e = assertThrows(AssertionError.class, () -> WeftAssertions.assertNoWaits(run, "lock"));
        assertTrue(e.getMessage().matches("run 'ledger': waited \\d+\\.\\d ms on lock, expected no lock waits; report: .+\\.html"),
                e.getMessage());
        WeftAssertions.assertNoThreadsLeftRunning(run);
    }

    @Test
    void runsAreIndependent(WeftRecorder weft) throws Exception {
        WeftRun first = weft.run("first", () -> Batch.parallel(4, 200));
        WeftRun second = weft.run("second", () -> Batch.sequential(2, 100));
        assertNotEquals(first.report(), second.report());
        assertTrue(first.waitingMillis("join") > 0, first.toString());
        assertTrue(second.workMillis() < first.workMillis(), "the first run's tasks are not in the second: " + second);
        assertTrue(second.speedUp() < 1.3, "nor are its threads: " + second);
        assertEquals(0, second.waitingMillis("join"), "nor its joins");
        WeftRun again = weft.run("first", () -> Batch.sequential(1, 10));
        assertNotEquals(first.report(), again.report(), "a name used twice gets a report of its own");
    }

    @Test
    void theAgentWasLoadedBySelfAttachWithoutJavaagent() {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(jvm.stream().noneMatch(a -> a.startsWith("-javaagent")), jvm.toString());
        // byte-buddy-agent holds the Instrumentation of the attach the extension made
        assertTrue(ByteBuddyAgent.getInstrumentation().isRetransformClassesSupported());
    }

    @Test
    void aKindWeftNeverRecordsIsRefusedNotReadAsZero(WeftRecorder weft) throws Exception {
        WeftRun run = weft.run("nothing", () -> { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeftAssertions.assertNoWaits(run, "locks"));
        assertTrue(e.getMessage().contains("'locks'"), e.getMessage());
    }
}
