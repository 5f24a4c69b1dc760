import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;

/**
 * Makes a recording for the parser oracle test on whatever JDK runs it, as a single source file
 * ({@code java CorpusProgram.java OUT.jfr}), so that every installed JDK from 17 on can: the JDK's own
 * thread and wait events with stack traces, a test event shaped like the agent's wait with string, class
 * and thread fields (long repeated strings go to JFR's string pool), virtual threads where the JDK has them, and several chunks.
 */
public class CorpusProgram {

    /** Shaped like the agent's weft.Wait (test data: the agent's schema as it was when this was written). */
    @Name("weft.Wait")
    @Label("Tick")
    static class Tick extends Event {
        String kind;
        String api;
        Class<?> blockerClass;
        int blockerId;
        Thread targetThread;
        boolean timed;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        try (Recording r = new Recording()) {
            for (String name : List.of("jdk.ThreadStart", "jdk.ThreadEnd", "jdk.ThreadSleep", "jdk.ThreadPark",
                    "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter", "jdk.VirtualThreadStart", "jdk.VirtualThreadEnd")) {
                r.enable(name).withThreshold(Duration.ZERO).withStackTrace();
            }
            r.enable(Tick.class).withStackTrace();
            r.start();
            for (int round = 0; round < 3; round++) {
                work(round);
                try (Recording rotate = new Recording()) {
                    rotate.start(); // a new chunk
                    rotate.stop();
                }
            }
            r.stop();
            r.dump(out);
        }
    }

    private static void work(int round) throws Exception {
        Object monitor = new Object();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    Thread.sleep(2);
                    LockSupport.parkNanos(monitor, TimeUnit.MILLISECONDS.toNanos(2));
                    synchronized (monitor) {
                        monitor.wait(2);
                        Thread.sleep(1); // others contend for the monitor
                    }
                    tick("a long text that JFR keeps in its string pool when it repeats, round " + round, index);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "corpus-" + round + "-" + i + (i == 3 ? " \u00e9\u4e2d\uD83D\uDE00" : ""));
            threads.add(t);
            t.start();
        }
        Thread virtual = startVirtual(() -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tick("virtual", -1);
        });
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        if (virtual != null) {
            virtual.join();
        }
    }

    private static void tick(String text, int number) {
        Tick e = new Tick();
        e.begin();
        e.kind = number % 2 == 0 ? "latch" : "";
        e.api = text;
        e.blockerClass = number % 2 == 0 ? String.class : int[].class;
        e.targetThread = number > 1 ? Thread.currentThread() : null;
        e.blockerId = number;
        e.timed = number > 1;
        e.commit();
    }

    /** A started virtual thread on JDK 21 and later, {@code null} before. */
    private static Thread startVirtual(Runnable task) throws Exception {
        Method ofVirtual;
        try {
            ofVirtual = Thread.class.getMethod("ofVirtual");
        } catch (NoSuchMethodException e) {
            return null;
        }
        Object builder = ofVirtual.invoke(null);
        Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
        return (Thread) start.invoke(builder, task);
    }
}
