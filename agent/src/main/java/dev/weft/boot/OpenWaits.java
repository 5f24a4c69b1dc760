package dev.weft.boot;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who is blocked right now, and since when. A JFR duration event is committed only when it ends,
 * so a 3 s sleep reaches a stream after 3 s; a live view needs the waits that are still open.
 *
 * <p>Every thread's {@link WaitState} joins a lock-free list the first time one of its waits
 * really blocks (a CAS, once per thread, on the path that is about to block anyway); the
 * non-blocking path is untouched. A sampler on JFR's periodic thread walks the list, drops the
 * states of threads that ended and reports each wait in progress with the start time its
 * {@link WaitEvent} already holds (JFR's own ticks, read by reflection: no clock read is added to
 * the wait). The reads race with the owner; a start time read twice around the other fields tells
 * a consistent view from one that changed meanwhile, which is skipped.
 *
 * <p>Not called by advice: the sampler may lock and allocate. Bridge rules still hold (no lambdas,
 * no string concatenation).
 */
public final class OpenWaits {

    /** Pushed at the head only; unlinked only by {@link #visit}, so a push never meets an unlink. */
    private static final AtomicReference<WaitState> HEAD = new AtomicReference<>();

    private static Field startTime; // guarded by OpenWaits.class
    private static boolean startTimeResolved; // guarded by OpenWaits.class

    private OpenWaits() { }

    /** What a sampler is told about each wait in progress. */
    public interface Visitor {
        /**
         * @param startTicks when the wait began in JFR's ticks ({@code 0} when this JDK hides it)
         * @param target     the thread waited for (join), else {@code null}
         */
        void open(Thread thread, String kind, String api, Class<?> blockerClass, int blockerId, Thread target,
                  long startTicks);
    }

    static void register(WaitState s) {
        s.listed = true;
        WaitState head;
        do {
            head = HEAD.get();
            s.next = head;
        } while (!HEAD.compareAndSet(head, s));
    }

    /**
     * Reports every wait in progress to {@code visitor} and forgets the threads that ended.
     *
     * @return the threads still listed (alive and known to have blocked once)
     */
    public static synchronized int visit(Visitor visitor) {
        Field ticks = startTimeField();
        WaitState previous = null;
        WaitState s = HEAD.get();
        int alive = 0;
        while (s != null) {
            WaitState next = s.next;
            if (!s.owner.isAlive()) {
                if (previous != null) {
                    previous.next = next;
                    s = next;
                    continue;
                }
                if (HEAD.compareAndSet(s, next)) {
                    s = next;
                    continue;
                }
                // a thread joined in front of it meanwhile: it goes in the next round
            } else {
                alive++;
                report(s, ticks, visitor);
            }
            previous = s;
            s = next;
        }
        return alive;
    }

    private static void report(WaitState s, Field ticks, Visitor visitor) {
        WaitEvent e = s.event;
        if (e == null || !s.begun) {
            return;
        }
        s.sampled = true; // before the reads: a wait listed below is then told when it ends
        long before = ticksOf(e, ticks);
        String kind = e.kind;
        String api = e.api;
        Class<?> blockerClass = e.blockerClass;
        int blockerId = e.blockerId;
        Thread target = e.targetThread;
        long after = ticksOf(e, ticks);
        if (before != after || !s.begun) {
            return; // the wait ended, or the next one began, while it was read
        }
        visitor.open(s.owner, kind, api, blockerClass, blockerId, target, before);
    }

    /** JFR's ticks now, on the clock of the start times above; {@code 0} when this JDK hides them. */
    public static long nowTicks() {
        Field ticks;
        synchronized (OpenWaits.class) {
            ticks = startTimeField();
        }
        if (ticks == null) {
            return 0;
        }
        WaitEvent probe = new WaitEvent();
        probe.begin();
        return ticksOf(probe, ticks);
    }

    private static long ticksOf(WaitEvent e, Field ticks) {
        if (ticks == null) {
            return 0;
        }
        try {
            return ticks.getLong(e);
        } catch (IllegalAccessException | RuntimeException x) {
            return 0;
        }
    }

    /**
     * The start time JFR keeps in every event class it instruments (a private {@code long startTime},
     * in ticks, on JDK 17 to 25); {@code null} when a JDK has none, and start times are then unknown.
     */
    private static Field startTimeField() {
        if (!startTimeResolved) {
            startTimeResolved = true;
            try {
                Field f = WaitEvent.class.getDeclaredField("startTime");
                if (f.getType() == long.class) {
                    f.setAccessible(true);
                    startTime = f;
                }
            } catch (NoSuchFieldException | RuntimeException e) {
                startTime = null;
            }
        }
        return startTime;
    }
}
