package dev.weft.reports.analyse;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.StringTable;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.model.Wakes;

import java.util.Arrays;
import java.util.List;

/**
 * Who ended each wait: one edge per wait span that got a waker, ordered by woken thread, then by wait.
 *
 * <p>For each wait span {@code [start, end]} of thread T (every kind but {@code sleep}):
 * <ol>
 * <li>the latest {@code weft.Wake} for T whose time lies in {@code [start, end + 2 ms]}, and before the
 *     next wait of T began (a wake after that belongs to the next wait): waker = the thread that
 *     emitted it, how = its {@code how} ({@code unpark});</li>
 * <li>else, a monitor wait with a notifier (the JVM's {@code jdk.JavaMonitorWait}, also when merged
 *     into an agent span): waker = the notifier, time = the end of the wait, how = {@code notify};</li>
 * <li>else, a {@code join} whose target thread ended (end event seen) in {@code [start, end + 2 ms]}:
 *     waker = the target, time = its end, how = {@code thread end}.</li>
 * </ol>
 * Times are epoch nanoseconds, like the spans; threads are indices into {@code model.threads()}.
 */
public final class WakeEdges {

    /** How far after a wait's end its waker may have acted (event timestamps of two threads). */
    public static final long SLACK_NANOS = 2_000_000L;

    public static final String UNPARK = "unpark";
    public static final String NOTIFY = "notify";
    public static final String THREAD_END = "thread end";

    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private long[] times = NO_LONGS;
    private int[] wakers = NO_INTS;
    private int[] woken = NO_INTS;
    private int[] waitSpans = NO_INTS;
    private String[] hows = new String[0];
    private int size;
    private int matched;
    private int eligible;

    private WakeEdges() {
    }

    public int size() {
        return size;
    }

    /** When the waker acted, epoch nanoseconds. */
    public long time(int i) {
        return times[check(i)];
    }

    /** The waking thread, an index into {@code model.threads()}. */
    public int waker(int i) {
        return wakers[check(i)];
    }

    /** The woken thread, an index into {@code model.threads()}. */
    public int woken(int i) {
        return woken[check(i)];
    }

    /** The wait that ended, an index into the woken thread's {@code waits()}. */
    public int waitSpan(int i) {
        return waitSpans[check(i)];
    }

    /** {@code unpark}, {@code notify}, {@code thread end}, or what a {@code weft.Wake} said. */
    public String how(int i) {
        return hows[check(i)];
    }

    /** Wait spans that got a waker. */
    public int matchedWaits() {
        return matched;
    }

    /** Wait spans that could have one: every kind but sleep. */
    public int eligibleWaits() {
        return eligible;
    }

    /** The edge that ended wait {@code waitSpan} of thread {@code thread}, or {@code -1}. */
    public int find(int thread, int waitSpan) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (woken[mid] < thread || (woken[mid] == thread && waitSpans[mid] < waitSpan)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < size && woken[lo] == thread && waitSpans[lo] == waitSpan ? lo : -1;
    }

    /** Matches the wakes of {@code model} to its waits. */
    public static WakeEdges of(Model model) {
        List<ThreadInfo> threads = model.threads();
        StringTable strings = model.strings();
        int sleep = strings.find("sleep");
        int join = strings.find("join");
        ByWoken incoming = ByWoken.of(model);
        WakeEdges edges = new WakeEdges();
        for (int ti = 0; ti < threads.size(); ti++) {
            ThreadInfo t = threads.get(ti);
            WaitSpans w = t.waits();
            int from = incoming.first[ti];
            int to = incoming.first[ti + 1];
            for (int i = 0; i < w.size(); i++) {
                if (w.kind(i) == sleep && sleep != StringTable.NONE) {
                    continue;
                }
                edges.eligible++;
                long start = w.start(i);
                long limit = w.end(i) + SLACK_NANOS;
                if (i + 1 < w.size() && w.start(i + 1) > w.end(i)) {
                    limit = Math.min(limit, w.start(i + 1));
                }
                int k = incoming.latestAtOrBefore(from, to, limit);
                if (k >= 0 && incoming.times[k] >= start) {
                    edges.add(incoming.times[k], incoming.wakers[k], ti, i,
                            incoming.how(k, strings));
                    continue;
                }
                long notifier = w.notifier(i);
                int n = notifier < 0 ? -1 : model.indexOf(notifier);
                if (n >= 0 && n != ti) {
                    edges.add(w.end(i), n, ti, i, NOTIFY);
                    continue;
                }
                if (w.kind(i) == join && join != StringTable.NONE && w.target(i) >= 0) {
                    int target = model.indexOf(w.target(i));
                    if (target >= 0 && target != ti) {
                        ThreadInfo joined = threads.get(target);
                        if (joined.endSeen() && joined.end() >= start && joined.end() <= w.end(i) + SLACK_NANOS) {
                            edges.add(joined.end(), target, ti, i, THREAD_END);
                        }
                    }
                }
            }
        }
        edges.trim();
        return edges;
    }

    private void add(long time, int waker, int wokenThread, int waitSpan, String how) {
        if (size == times.length) {
            int capacity = Math.max(16, size * 2);
            times = Arrays.copyOf(times, capacity);
            wakers = Arrays.copyOf(wakers, capacity);
            woken = Arrays.copyOf(woken, capacity);
            waitSpans = Arrays.copyOf(waitSpans, capacity);
            hows = Arrays.copyOf(hows, capacity);
        }
        times[size] = time;
        wakers[size] = waker;
        woken[size] = wokenThread;
        waitSpans[size] = waitSpan;
        hows[size] = how;
        size++;
        matched++;
    }

    private void trim() {
        times = Arrays.copyOf(times, size);
        wakers = Arrays.copyOf(wakers, size);
        woken = Arrays.copyOf(woken, size);
        waitSpans = Arrays.copyOf(waitSpans, size);
        hows = Arrays.copyOf(hows, size);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }

    /** Every recorded wake, grouped by woken thread (counting sort), by time within a group. */
    private static final class ByWoken {
        final int[] first;
        final long[] times;
        final int[] wakers;
        final int[] hows;

        private ByWoken(int threads, int wakes) {
            first = new int[threads + 1];
            times = new long[wakes];
            wakers = new int[wakes];
            hows = new int[wakes];
        }

        static ByWoken of(Model model) {
            List<ThreadInfo> threads = model.threads();
            int n = threads.size();
            int[] count = new int[n + 1];
            int all = 0;
            for (ThreadInfo t : threads) {
                all += t.wakes().size();
            }
            // each woken thread's index, looked up once: a map lookup per wake is most of this pass's time
            int[] targets = new int[all];
            int total = 0;
            int k = 0;
            for (ThreadInfo t : threads) {
                Wakes w = t.wakes();
                for (int j = 0; j < w.size(); j++) {
                    int target = w.woken(j) < 0 ? -1 : model.indexOf(w.woken(j));
                    targets[k++] = target;
                    if (target >= 0) {
                        count[target + 1]++;
                        total++;
                    }
                }
            }
            ByWoken b = new ByWoken(n, total);
            for (int i = 0; i < n; i++) {
                b.first[i + 1] = b.first[i] + count[i + 1];
            }
            int[] next = Arrays.copyOf(b.first, n);
            k = 0;
            for (int ti = 0; ti < n; ti++) {
                Wakes w = threads.get(ti).wakes();
                for (int j = 0; j < w.size(); j++) {
                    int target = targets[k++];
                    if (target >= 0) {
                        int at = next[target]++;
                        b.times[at] = w.time(j);
                        b.wakers[at] = ti;
                        b.hows[at] = w.how(j);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                b.sortByTime(b.first[i], b.first[i + 1]);
            }
            return b;
        }

        /** The last wake in {@code [from, to)} at or before {@code limit}, or {@code -1}. */
        int latestAtOrBefore(int from, int to, long limit) {
            int last = Sorted.firstAbove(times, from, to, limit) - 1;
            return last >= from ? last : -1;
        }

        String how(int k, StringTable strings) {
            String how = strings.get(hows[k]);
            return how == null || how.isEmpty() ? UNPARK : how;
        }

        /** Sorts one group by time: it holds the (each sorted) wakes of several wakers. */
        private void sortByTime(int from, int to) {
            boolean sorted = true;
            for (int i = from + 1; i < to && sorted; i++) {
                sorted = times[i - 1] <= times[i];
            }
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[to - from];
            for (int i = 0; i < order.length; i++) {
                order[i] = from + i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
            long[] t = new long[order.length];
            int[] w = new int[order.length];
            int[] h = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                t[i] = times[order[i]];
                w[i] = wakers[order[i]];
                h[i] = hows[order[i]];
            }
            System.arraycopy(t, 0, times, from, t.length);
            System.arraycopy(w, 0, wakers, from, w.length);
            System.arraycopy(h, 0, hows, from, h.length);
        }
    }
}
