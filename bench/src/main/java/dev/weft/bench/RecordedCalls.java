package dev.weft.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Goal 2, end to end: calls that the agent records as a {@code weft.Wait} span although they
 * return at once, so the difference with and without the agent is the price of one recorded span
 * on the real instrumented path, not of the wait.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordedCalls {

    /** Millions of spans a second would fill the disk; the kept size does not change the cost of a commit. */
    static final long MAX_RECORDING_BYTES = 64L << 20;

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object blocker = new Object();

    @Setup(Level.Trial)
    public void capAgentRecording() {
        // only when JFR already runs: asking for the recorder would start JFR in the fork without the agent
        if (FlightRecorder.isInitialized()) {
            for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
                if ("weft".equals(r.getName())) {
                    r.setMaxSize(MAX_RECORDING_BYTES);
                }
            }
        }
    }

    /** A closed latch and a zero timeout: the agent records it (the count is not 0), the call does not park. */
    @Benchmark
    public boolean latchAwaitZeroTimeout() throws InterruptedException {
        return closed.await(0, TimeUnit.NANOSECONDS);
    }

    /** With the permit already given, park returns at once; the agent cannot know that and records the park. */
    @Benchmark
    public void parkWithPermit() {
        LockSupport.unpark(Thread.currentThread());
        LockSupport.park(blocker);
    }

    /**
     * Starting a virtual thread (that does nothing): the agent records who started it
     * ({@code weft.ThreadStart}), and its recording has {@code jdk.VirtualThreadStart/End} on. Scenario 4's
     * {@code main} does this 10,000 times on its critical path.
     */
    @Benchmark
    public Thread startVirtualThread() {
        return Thread.ofVirtual().start(NOTHING);
    }

    private static final Runnable NOTHING = new Runnable() {
        @Override
        public void run() {
            // the thread's start is what is timed
        }
    };

    /** A sleep of 0 ms is a yield to the scheduler: recorded, and the system call dwarfs nothing here. */
    @Benchmark
    public void sleepZero() throws InterruptedException {
        Thread.sleep(0);
    }
}
