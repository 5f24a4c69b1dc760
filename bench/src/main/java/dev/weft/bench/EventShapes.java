package dev.weft.bench;

import dev.weft.boot.WaitEvent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
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
 * Not part of the goal table: what each part of a {@code weft.Wait} event costs, to choose its
 * shape. The same begin/end/commit with fewer or cheaper fields, and the clock alone
 * ({@code ./weft bench jmh EventShapes}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventShapes {

    private static final Object BLOCKER = new Object();
    private static final String API = "java.util.concurrent.locks.LockSupport.park";

    @Param({"disk", "memory"})
    public String storage;

    private Recording recording;

    /** Kind and API as numbers (an index into a table the agent could write once per chunk). */
    @Name("bench.NumericWait")
    @StackTrace(false)
    static final class NumericWait extends Event {
        byte kind;
        short api;
        Class<?> blockerClass;
        int blockerId;
        boolean timed;
    }

    /** Only the identity of the blocker: no strings, no class (a constant-pool entry each). */
    @Name("bench.IdOnlyWait")
    @StackTrace(false)
    static final class IdOnlyWait extends Event {
        int blockerId;
    }

    /** The blocker's class and identity: what a Class field adds. */
    @Name("bench.ClassWait")
    @StackTrace(false)
    static final class ClassWait extends Event {
        Class<?> blockerClass;
        int blockerId;
    }

    /** Kind and API as strings, no class: what the two strings add. */
    @Name("bench.StringsWait")
    @StackTrace(false)
    static final class StringsWait extends Event {
        String kind;
        String api;
        int blockerId;
        boolean timed;
    }

    /** Today's fields, with the blocker's class as its name (Class caches it, so JFR's string pool hits). */
    @Name("bench.ClassNameWait")
    @StackTrace(false)
    static final class ClassNameWait extends Event {
        String kind;
        String api;
        String blockerClass;
        int blockerId;
        boolean timed;
    }

    /** No field at all: the clock twice and the commit. */
    @Name("bench.EmptyWait")
    @StackTrace(false)
    static final class EmptyWait extends Event {
    }

    /**
     * Records {@code e} as the advice does, as a span around the wait (of no length here): the same for
     * every shape, so that only the fields differ. JMH forks a JVM for each benchmark, where the one
     * event class it passes keeps this call monomorphic.
     */
    static void span(Event e) {
        e.begin();
        e.end();
        if (e.shouldCommit()) {
            e.commit();
        }
    }

    @Setup(Level.Trial)
    public void start() {
        recording = new Recording();
        for (Class<? extends Event> c : java.util.List.of(WaitEvent.class, NumericWait.class, IdOnlyWait.class,
                ClassWait.class, StringsWait.class, ClassNameWait.class, EmptyWait.class)) {
            FlightRecorder.register(c);
            recording.enable(c).withThreshold(Duration.ZERO).withoutStackTrace();
        }
        recording.setToDisk("disk".equals(storage));
        recording.setMaxSize(RecordedCalls.MAX_RECORDING_BYTES);
        recording.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        recording.close();
    }

    @Benchmark
    public void weftWaitEvent() {
        WaitEvent e = new WaitEvent();
        e.kind = "park";
        e.api = API;
        e.blockerClass = BLOCKER.getClass();
        e.blockerId = System.identityHashCode(BLOCKER);
        span(e);
    }

    @Benchmark
    public void classNameAsString() {
        ClassNameWait e = new ClassNameWait();
        e.kind = "park";
        e.api = API;
        e.blockerClass = BLOCKER.getClass().getName();
        e.blockerId = System.identityHashCode(BLOCKER);
        span(e);
    }

    @Benchmark
    public void numericKindAndApi() {
        NumericWait e = new NumericWait();
        e.kind = 5;
        e.api = 17;
        e.blockerClass = BLOCKER.getClass();
        e.blockerId = System.identityHashCode(BLOCKER);
        span(e);
    }

    @Benchmark
    public void classAndId() {
        ClassWait e = new ClassWait();
        e.blockerClass = BLOCKER.getClass();
        e.blockerId = System.identityHashCode(BLOCKER);
        span(e);
    }

    @Benchmark
    public void stringsAndId() {
        StringsWait e = new StringsWait();
        e.kind = "park";
        e.api = API;
        e.blockerId = System.identityHashCode(BLOCKER);
        span(e);
    }

    @Benchmark
    public void blockerIdOnly() {
        IdOnlyWait e = new IdOnlyWait();
        e.blockerId = System.identityHashCode(BLOCKER);
        span(e);
    }

    @Benchmark
    public void emptyEvent() {
        EmptyWait e = new EmptyWait();
        span(e);
    }

    /** The event's clock reads, without JFR: what begin and end cannot go below. */
    @Benchmark
    public long twoClockReads() {
        return System.nanoTime() - System.nanoTime();
    }
}
