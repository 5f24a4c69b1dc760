package example;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.junit.WeftAssertions;
import dev.weft.junit.WeftExtension;
import dev.weft.junit.WeftRecorder;
import dev.weft.junit.WeftRun;
import dev.weft.junit.WeftWorkload;

import java.lang.management.ManagementFactory;
import java.util.List;

import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** weft-junit with the agent given on surefire's argLine. */
@ExtendWith(WeftExtension.class)
@WeftWorkload("example.Pool::job")
class PoolTest {

    @Test
    void theAgentFromTheCommandLineIsUsedAndNothingIsAttached() {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(jvm.stream().anyMatch(a -> a.startsWith("-javaagent:") && a.contains("weft-agent")), jvm.toString());
        assertThrows(IllegalStateException.class, ByteBuddyAgent::getInstrumentation, "no self-attach was made");
    }

    @Test
    void aPoolShutDownAndAwaitedRunsInParallelAndLeavesNothing(WeftRecorder weft) throws Exception {
        WeftRun run = weft.run("pool", () -> Pool.runAll(4, 1000));
        WeftAssertions.assertSpeedUpAtLeast(run, 1.5);
        WeftAssertions.assertNoThreadsLeftRunning(run);
        WeftAssertions.assertNoWaits(run, "monitor-enter");
    }

    @Test
    void aContendedMonitorIsAWaitOfKindMonitorEnter(WeftRecorder weft) throws Exception {
        WeftRun run = weft.run("counter", () -> Pool.countAll(3, 60));
        assertTrue(run.waitingMillis("monitor-enter") > 0, "the jobs queued on the monitor: " + run);
        AssertionError e = assertThrows(AssertionError.class, () -> WeftAssertions.assertNoWaits(run, "monitor-enter"));
        assertTrue(e.getMessage().contains("on monitor-enter, expected no monitor-enter waits; report: "), e.getMessage());
        WeftAssertions.assertSpeedUpAtMost(run, 1.5);
    }
}
