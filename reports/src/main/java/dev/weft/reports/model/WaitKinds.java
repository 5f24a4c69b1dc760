package dev.weft.reports.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one list of wait kinds: their display order, colour, meaning and whether the thread was
 * blocked or idle. The viewer gets it with the report data (its legend, colours and help come from
 * here), the kind table of docs/agent.md is generated from it ({@link #markdownTable()}; a test keeps the two
 * equal), and the agent's kind names are checked against it.
 */
public final class WaitKinds {

    /** One wait kind. {@code idle}: waiting for work, not blocked by it; never summed into time waiting. */
    public record Kind(String name, String color, boolean idle, String api, String meaning) {
    }

    /** The kind of a workload span in the viewer's kind table (index 0). */
    public static final String WORKLOAD = "workload";
    public static final String IDLE = "idle";
    public static final String IO = "io";
    public static final String MONITOR_ENTER = "monitor-enter";
    public static final String MONITOR_WAIT = "monitor-wait";
    /** A wait whose kind was not recorded. */
    public static final String UNKNOWN = "wait";

    private static final List<Kind> KINDS = List.of(
            new Kind("sleep", "hsl(43, 72%, 68%)", false, "Thread.sleep", "a sleep"),
            new Kind("join", "hsl(168, 36%, 56%)", false, "Thread.join", "waiting for another thread to end"),
            new Kind("future", "hsl(134, 30%, 62%)", false, "Future.get, CompletableFuture.get/join",
                    "waiting for a result"),
            new Kind("latch", "hsl(326, 45%, 74%)", false, "CountDownLatch.await", "waiting for a count to reach zero"),
            new Kind("barrier", "hsl(292, 32%, 66%)", false, "CyclicBarrier.await", "waiting for the other parties"),
            new Kind("phaser", "hsl(262, 36%, 75%)", false, "Phaser.arriveAndAwaitAdvance, awaitAdvance",
                    "waiting for the other parties"),
            new Kind("semaphore", "hsl(60, 42%, 56%)", false, "Semaphore.acquire", "waiting for a permit"),
            new Kind("lock", "hsl(226, 32%, 64%)", false, "ReentrantLock.lock, read/write locks",
                    "waiting for a lock another thread holds"),
            new Kind("condition", "hsl(200, 50%, 72%)", false, "Condition.await", "waiting for a signal"),
            new Kind("monitor", "hsl(6, 55%, 68%)", false, "Object.wait", "waiting for a notify"),
            new Kind(MONITOR_ENTER, "hsl(348, 42%, 58%)", false, "synchronized (contended)",
                    "waiting to enter a monitor another thread holds"),
            new Kind(MONITOR_WAIT, "hsl(24, 62%, 66%)", false, "Object.wait (the JVM's event)", "waiting for a notify"),
            new Kind("queue", "hsl(186, 48%, 60%)", false, "BlockingQueue.take/put, timed poll/offer",
                    "waiting for an element or for room"),
            new Kind("executor", "hsl(96, 28%, 52%)", false, "ExecutorService.invokeAll/invokeAny/awaitTermination/close",
                    "waiting for submitted tasks"),
            new Kind(IO, "hsl(30, 38%, 52%)", false,
                    "socket and channel read/write/accept/connect, Selector.select, file I/O, HttpClient.send",
                    "waiting for the network or a file"),
            new Kind("process", "hsl(280, 22%, 56%)", false, "Process.waitFor, onExit().get()",
                    "waiting for a child process"),
            new Kind("park", "hsl(214, 12%, 68%)", false, "LockSupport.park", "parked, by code Weft does not name"),
            new Kind(UNKNOWN, "hsl(220, 10%, 74%)", false, "", "a wait of unknown kind"),
            new Kind(IDLE, "hsl(210, 20%, 90%)", true,
                    "ThreadPoolExecutor.getTask, ForkJoinPool.awaitWork, Timer, HTTP server dispatch",
                    "a pool worker waiting for its next task: idle, not blocked"));

    private static final Map<String, Kind> BY_NAME = byName();

    private WaitKinds() {
    }

    private static Map<String, Kind> byName() {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (Kind k : KINDS) {
            m.put(k.name(), k);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every known kind, in display order. */
    public static List<Kind> all() {
        return KINDS;
    }

    /** The names of every known kind, in display order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(KINDS.size());
        for (Kind k : KINDS) {
            names.add(k.name());
        }
        return names;
    }

    /** The kind of this name, {@code null} if unknown (a newer agent's kind). */
    public static Kind of(String name) {
        return BY_NAME.get(name);
    }

    /** Display position: known kinds in their order, unknown ones after them. */
    public static int order(String name) {
        int i = 0;
        for (Kind k : KINDS) {
            if (k.name().equals(name)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }

    /** Whether a wait of this kind is idle (waiting for work) rather than blocked. */
    public static boolean isIdle(String name) {
        return IDLE.equals(name);
    }

    /** A colour for any kind: the known one, else a muted hue from the name (the viewer does the same). */
    public static String color(String name) {
        Kind k = BY_NAME.get(name);
        if (k != null) {
            return k.color();
        }
        int h = 7;
        for (int i = 0; i < name.length(); i++) {
            h = h * 31 + name.charAt(i);
        }
        return String.format(Locale.ROOT, "hsl(%d, 30%%, 70%%)", Math.abs(h) % 360);
    }

    /** The kind table of docs/agent.md, generated: a test checks that the doc holds exactly this. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| kind | API | means |\n|---|---|---|\n");
        for (Kind k : KINDS) {
            b.append("| `").append(k.name()).append("` | ").append(k.api().isEmpty() ? "–" : k.api()).append(" | ")
                    .append(k.meaning()).append(" |\n");
        }
        return b.toString();
    }
}
