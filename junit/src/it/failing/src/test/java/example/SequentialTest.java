package example;

import dev.weft.junit.WeftAssertions;
import dev.weft.junit.WeftExtension;
import dev.weft.junit.WeftRecorder;
import dev.weft.junit.WeftRun;
import dev.weft.junit.WeftWorkload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Meant to fail: the work runs in sequence, the test asks for a speed-up. */
@ExtendWith(WeftExtension.class)
@WeftWorkload("example.SequentialTest::step")
class SequentialTest {

    static void step() {
        long end = System.nanoTime() + 80_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void stepsInParallel(WeftRecorder weft) throws Exception {
        WeftRun run = weft.run("steps", () -> {
            for (int i = 0; i < 3; i++) {
                step();
            }
        });
        WeftAssertions.assertSpeedUpAtLeast(run, 2.5);
    }
}
