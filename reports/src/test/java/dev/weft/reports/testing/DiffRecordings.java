package dev.weft.reports.testing;

import static dev.weft.reports.testing.WeftEvents.await;
import static dev.weft.reports.testing.WeftEvents.start;
import static dev.weft.reports.testing.WeftEvents.workload;

import dev.weft.testkit.OnThread;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two recordings of the same phase with known answers, made in the test JVM with the test copies of the
 * agent's events: before, a thread named main does {@link #TASKS} tasks of {@link #TASK_MILLIS} one after
 * the other; after, it hands them to as many pool threads ({@code pool-1-thread-N}) and joins them. The
 * work is the same, the wall time about a {@code TASKS}th, the speed-up about {@code TASKS} times.
 */
public final class DiffRecordings {

    public static final String PHASE = "app.Batch::run";
    public static final String PHASE_NAME = "Batch.run";
    public static final String TASK = "app.Batch::task";
    public static final int TASKS = 4;
    /**
     * Long beside a thread's start-up on a busy machine (170 ms seen at load 4), so the speed-up after stays
     * well above the 1.5 the tests ask for.
     */
    public static final long TASK_MILLIS = 400;

    private DiffRecordings() {
    }

    /** The phase as a sequence of tasks on main. */
    public static Path sequential(Path file, String phase) throws Exception {
        return onMain(file, () -> workload(phase, () -> {
            for (int i = 0; i < TASKS; i++) {
                workload(TASK, () -> Scenarios.spin(TASK_MILLIS));
            }
        }));
    }

    /** The phase as tasks on pool threads, joined by main. */
    public static Path concurrent(Path file, String phase) throws Exception {
        return onMain(file, () -> workload(phase, () -> {
            List<Thread> pool = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                Thread t = TestThreads.named("pool-1-thread-" + (i + 1),
                        () -> workload(TASK, () -> Scenarios.spin(TASK_MILLIS)));
                pool.add(t);
                start(t);
            }
            for (Thread t : pool) {
                await("join", "java.lang.Thread.join", t, t, t::join);
            }
        }));
    }

    /** Records {@code body} on a thread named main: the phase thread. */
    public static Path onMain(Path file, WeftEvents.Body body) throws Exception {
        return Recordings.record(file, true, () -> OnThread.run("main", WeftEvents::start, body::run));
    }
}
