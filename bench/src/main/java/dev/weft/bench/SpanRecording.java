package dev.weft.bench;

import dev.weft.boot.Recorder;
import dev.weft.boot.WaitEvent;
import dev.weft.boot.Waits;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Goal 2, isolated: the bridge calls that wait advice makes around a wait that is recorded
 * ({@link Waits#begin} then {@link Waits#end}), with no wait between them, in a JVM without the
 * agent where a JFR recording has {@code weft.Wait} on at threshold 0 (as the agent's does).
 * {@code recorder=off} is the same call with Weft inactive, the path every call pays; the
 * difference is what one recorded span costs. {@link #jfrEventOnly} is the floor JFR itself sets.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpanRecording {

    private static final Object BLOCKER = new Object();

    /** A running recording like the agent's for {@code weft.Wait}. */
    @State(Scope.Benchmark)
    public static class Jfr {
        private Recording recording;

        @Setup(Level.Trial)
        public void start() {
            FlightRecorder.register(WaitEvent.class);
            recording = new Recording();
            recording.setName("bench");
            recording.enable(WaitEvent.class).withThreshold(Duration.ZERO).withoutStackTrace();
            recording.setToDisk(true);
            recording.setMaxSize(RecordedCalls.MAX_RECORDING_BYTES);
            recording.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            recording.close();
        }
    }

    /** Weft's recorder switched on (as after the agent's start) or left off. */
    @State(Scope.Benchmark)
    public static class Weft {
        @Param({"off", "on"})
        public String recorder;

        @Setup(Level.Trial)
        public void activate(Jfr recordingFirst) {
            if ("on".equals(recorder)) {
                Recorder.activate();
            }
        }

        @TearDown(Level.Trial)
        public void deactivate() {
            Recorder.deactivate();
        }
    }

    @Benchmark
    public void waitSpan(Weft weft) {
        Waits.end(Waits.begin("park", "java.util.concurrent.locks.LockSupport.park", BLOCKER, false));
    }

    @Benchmark
    public void jfrEventOnly(Jfr jfr) {
        WaitEvent e = new WaitEvent();
        e.kind = "park";
        e.api = "java.util.concurrent.locks.LockSupport.park";
        e.blockerClass = BLOCKER.getClass();
        e.blockerId = System.identityHashCode(BLOCKER);
        EventShapes.span(e);
    }
}
