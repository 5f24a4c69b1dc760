package dev.weft.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.RecordedEvents;
import dev.weft.reports.read.WeftSchema.VirtualThreadBlocked;

import java.util.List;

import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;

/** The spans of virtual threads blocked on a monitor, begun on the carrier and committed by the unblocker. */
class ThreadsTest {

    @Test
    void aBlockReleasedWithoutTheUnblockerIsDroppedNotCommittedAtTheNextRelease() throws Exception {
        // any thread serves: the table keys on identity (this one, since JFR names only threads that ran)
        Thread vt = Thread.currentThread();
        RecordedEvents rec = whileActive(() -> {
            Threads.virtualBlocked(vt); // took the monitor as it unmounted: the unblocker never saw it
            Threads.virtualBlocked(vt); // blocked again, and this time released by the unblocker
            Threads.virtualResumed(vt);
            Threads.virtualResumed(vt); // a release with nothing blocked
        });
        List<RecordedEvent> blocked = rec.named(VirtualThreadBlocked.NAME);
        assertEquals(1, blocked.size(), "one span, the second block's, not the first's stretched to the release: "
                + blocked);
    }

    @Test
    void eachBlockReleasedByTheUnblockerIsOneSpan() throws Exception {
        Thread vt = Thread.currentThread();
        RecordedEvents rec = whileActive(() -> {
            for (int i = 0; i < 2; i++) {
                Threads.virtualBlocked(vt);
                Threads.virtualResumed(vt);
            }
        });
        List<RecordedEvent> blocked = rec.named(VirtualThreadBlocked.NAME);
        assertEquals(2, blocked.size(), blocked.toString());
        assertEquals(Thread.currentThread().getName(), blocked.get(0).getThread("virtualThread").getJavaName());
    }

    @Test
    void aJdkThreadCaughtInTheBridgeAtExitIsNotInApplicationCode() {
        // the JDK HTTP server's idle timer, woken as the JVM exits, committing its wait (seen under load)
        StackTraceElement[] timer = {
            new StackTraceElement("jdk.jfr.internal.JVM", "newEventWriter", null, -1),
            new StackTraceElement("dev.weft.boot.WaitState", "end", null, 110),
            new StackTraceElement("dev.weft.boot.Waits", "end", null, 71),
            new StackTraceElement("java.lang.Object", "wait", null, 378),
            new StackTraceElement("java.util.TimerThread", "mainLoop", null, 537),
        };
        assertFalse(Threads.inApplicationCode(timer));
        StackTraceElement[] app = timer.clone();
        app[4] = new StackTraceElement("com.example.Worker", "run", null, 12);
        assertTrue(Threads.inApplicationCode(app), "the same wait in an application's thread is its own");
    }

    /** The events recorded while {@code calls} run with the recorder active. */
    private static RecordedEvents whileActive(Runnable calls) throws Exception {
        return RecordedEvents.during(() -> {
            Recorder.activate();
            try {
                calls.run();
            } finally {
                Recorder.deactivate();
            }
        });
    }
}
