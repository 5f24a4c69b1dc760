package dev.weft.demo;

import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Go's {@code sync.WaitGroup} for Java threads: a counter of outstanding tasks that threads can await.
 *
 * <pre>{@code
 * var wg = new WaitGroup();
 * for (...) {
 *     wg.add(1);                                   // before starting the task, as in Go
 *     start(() -> { try { work(); } finally { wg.done(); } });
 * }
 * wg.await();                                      // returns once every task has called done()
 * }</pre>
 *
 * <p><b>How.</b> A {@link Phaser} whose one permanent party, registered by the constructor, is the
 * awaiting side. {@code add(n)} registers n parties, {@code done()} arrives and deregisters one, and
 * {@code await()} arrives for the awaiting side and waits for the phase to advance. The phase
 * advances exactly when the awaiting side has arrived and no task party is left, that is when the
 * counter is zero. The awaiting side arrives at most once per phase, however many threads await and
 * however often an {@link #await(long, TimeUnit)} times out: a second arrival would be counted as a
 * task finishing and let the phase advance one {@code done()} early.
 *
 * <p><b>Rules</b>, as in Go: call {@code add} before starting the task it counts, never after the
 * task may have called {@code done}. Calling {@code done()} more often than counted throws
 * {@link IllegalStateException} (Go panics with "negative WaitGroup counter") and leaves the counter
 * at zero. Any number of threads may await.
 *
 * <p><b>Reuse.</b> Once an await has returned because the counter reached zero, the group is ready for
 * a new round of {@code add}, {@code done} and {@code await}. Start a new round only after the
 * previous await returned: an {@code add} racing a finishing round may join it or the next one.
 *
 * <p><b>Limit.</b> At most {@link #MAX_COUNT} tasks may be outstanding at once (a Phaser holds 65,535
 * parties, one of which is the awaiting side); beyond it {@code add} throws {@link IllegalStateException}.
 */
public final class WaitGroup {

    /** The largest counter value: a Phaser's party limit less the awaiting side. */
    public static final int MAX_COUNT = 65_535 - 1;

    private final Phaser phaser = new Phaser(1);

    // Mirrors the registered task parties so that an extra done() is refused before it deregisters
    // the awaiting side, which would terminate the phaser. Raised after registering, lowered before
    // deregistering, so it never exceeds the registered task parties.
    private final AtomicInteger count = new AtomicInteger();

    private final Object arrival = new Object();
    private int arrivedPhase = -1; // guarded by arrival; phases are never negative while in use

    /**
     * Adds {@code delta} outstanding tasks.
     *
     * @throws IllegalArgumentException if {@code delta} is negative: count down with {@link #done()}
     * @throws IllegalStateException    if the counter would exceed {@link #MAX_COUNT}
     */
    public void add(int delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("add(" + delta + "): count down with done()");
        }
        if (delta == 0) {
            return;
        }
        if (count.get() + (long) delta > MAX_COUNT) {
            throw new IllegalStateException("WaitGroup counter would exceed " + MAX_COUNT);
        }
        phaser.bulkRegister(delta); // also refuses, with IllegalStateException, adds racing past the limit
        count.addAndGet(delta);
    }

    /**
     * Marks one task done.
     *
     * @throws IllegalStateException if no task is outstanding (Go's "negative WaitGroup counter")
     */
    public void done() {
        int before = count.getAndUpdate(c -> c > 0 ? c - 1 : c);
        if (before == 0) {
            throw new IllegalStateException("negative WaitGroup counter: done() called more often than add()");
        }
        phaser.arriveAndDeregister();
    }

    /** Waits until the counter is zero. */
    public void await() throws InterruptedException {
        phaser.awaitAdvanceInterruptibly(arriveForAwaiters());
    }

    /**
     * Waits until the counter is zero or the timeout elapses.
     *
     * @return true if the counter reached zero, false if the time ran out first
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            phaser.awaitAdvanceInterruptibly(arriveForAwaiters(), timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** The number of outstanding tasks: a snapshot, for narration and diagnostics. */
    public int count() {
        return count.get();
    }

    /** Arrives for the awaiting side unless it already did in this phase; returns the phase to await. */
    private int arriveForAwaiters() {
        synchronized (arrival) {
            // The phase cannot advance under us: that needs the awaiting side's arrival, made only here.
            int phase = phaser.getPhase();
            if (phase != arrivedPhase) {
                arrivedPhase = phaser.arrive();
            }
            return phase;
        }
    }

    @Override
    public String toString() {
        return "WaitGroup[count=" + count() + "]";
    }
}
