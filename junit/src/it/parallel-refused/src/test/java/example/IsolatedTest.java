package example;

import dev.weft.junit.WeftAssertions;
import dev.weft.junit.WeftExtension;
import dev.weft.junit.WeftRecorder;
import dev.weft.junit.WeftRun;
import dev.weft.junit.WeftWorkload;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

/** Isolated, its methods one after the other: Weft records it under parallel execution too. */
@ExtendWith(WeftExtension.class)
@WeftWorkload("example.IsolatedTest::task")
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class IsolatedTest {

    static void task() {
        long end = System.nanoTime() + 1_000_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void recordsAParallelRun(WeftRecorder weft) throws Exception {
        WeftRun run = weft.run("parallel", () -> {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(IsolatedTest::task, "task-" + i);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        });
        WeftAssertions.assertSpeedUpAtLeast(run, 1.5);
        WeftAssertions.assertNoThreadsLeftRunning(run);
    }
}
