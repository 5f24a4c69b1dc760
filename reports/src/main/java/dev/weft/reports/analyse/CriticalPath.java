package dev.weft.reports.analyse;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.model.WorkloadSpans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The chain of work and wake edges that determined the wall time, found by walking back in time.
 *
 * <p>Start on the phase thread (else {@code main}, else the application thread whose activity ends
 * last) at the end of its last activity. Going back on the current thread, everything after its latest
 * wait is on the path (a {@link Type#RUN} step). At that wait: if a waker ended it ({@link WakeEdges}),
 * the path jumps to the waker at the time it acted; if nothing did (a sleep, a timeout, an unmatched
 * wait), the wait itself is on the path (a {@link Type#WAIT} step) and the walk goes on before it.
 * With no wait left, the path runs back to the thread's start and, if its parent is known, jumps to the
 * parent at that moment. Each wait is crossed at most once, so the walk always ends.
 */
public final class CriticalPath {

    /** What a thread did during a step. */
    public enum Type {
        /** Running, or at least not blocked in a recorded wait. */
        RUN,
        /** Waiting with no other thread to blame: a sleep, a timeout, a wait whose waker is unknown. */
        WAIT
    }

    /** How the path came into a step's thread from the step before it. */
    public enum Link {
        /** The same thread, or the first step. */
        NONE,
        /** The previous step's thread ended this thread's wait. */
        WAKE,
        /** The previous step's thread started this thread. */
        START
    }

    /**
     * One step, in time order.
     *
     * @param thread   index into {@code model.threads()}
     * @param start    epoch nanoseconds
     * @param end      epoch nanoseconds
     * @param type     running or waiting
     * @param waitSpan for a {@link Type#WAIT} step, the index into the thread's waits, else {@code -1}
     * @param link     how the path came into this thread
     * @param wakeEdge for a {@link Link#WAKE}, the index into {@link Analysis#wakeEdges()}, else {@code -1}
     */
    public record Step(int thread, long start, long end, Type type, int waitSpan, Link link, int wakeEdge) {
        public long duration() {
            return end - start;
        }
    }

    private final List<Step> steps;

    private CriticalPath(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The steps in time order; empty when the recording has no application thread. */
    public List<Step> steps() {
        return steps;
    }

    public long start() {
        return steps.isEmpty() ? 0 : steps.get(0).start();
    }

    public long end() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).end();
    }

    /** Time on the path spent in steps of this type. */
    public long time(Type type) {
        long n = 0;
        for (Step s : steps) {
            if (s.type() == type) {
                n += s.duration();
            }
        }
        return n;
    }

    static CriticalPath of(Model model, int phaseThread, WakeEdges edges) {
        List<ThreadInfo> threads = model.threads();
        int cur = phaseThread >= 0 ? phaseThread : startThread(threads);
        if (cur < 0) {
            return new CriticalPath(List.of());
        }
        boolean[][] crossed = new boolean[threads.size()][];
        long t = lastActivity(threads.get(cur));
        List<Step> back = new ArrayList<>();
        long guard = 4L * (model.waitSpanCount() + threads.size()) + 16;
        while (guard-- > 0) {
            ThreadInfo thread = threads.get(cur);
            WaitSpans waits = thread.waits();
            if (crossed[cur] == null) {
                crossed[cur] = new boolean[waits.size()];
            }
            int w = latestWaitBefore(waits, t, crossed[cur]);
            if (w < 0) {
                long from = Math.min(t, thread.start());
                add(back, cur, from, t, Type.RUN, -1);
                int parent = thread.parentId() < 0 ? -1 : model.indexOf(thread.parentId());
                if (parent < 0 || parent == cur || !thread.startSeen()) {
                    break;
                }
                entered(back, cur, from, Link.START, -1);
                cur = parent;
                t = from;
                continue;
            }
            crossed[cur][w] = true;
            long waitEnd = Math.min(waits.end(w), t);
            long waitStart = Math.min(waits.start(w), waitEnd);
            add(back, cur, waitEnd, t, Type.RUN, -1);
            int e = edges.find(cur, w);
            if (e >= 0 && edges.waker(e) != cur) {
                entered(back, cur, waitEnd, Link.WAKE, e);
                cur = edges.waker(e);
                t = Math.max(Math.min(edges.time(e), waitEnd), waitStart);
                continue;
            }
            add(back, cur, waitStart, waitEnd, Type.WAIT, w);
            t = waitStart;
        }
        Collections.reverse(back);
        return new CriticalPath(back);
    }

    /** Adds a step found walking back (so earlier than those before it); empty ones are left out. */
    private static void add(List<Step> back, int thread, long start, long end, Type type, int waitSpan) {
        if (end > start) {
            back.add(new Step(thread, start, end, type, waitSpan, Link.NONE, -1));
        }
    }

    /** The walk leaves {@code thread} at {@code t}: its earliest step so far was entered by {@code link}. */
    private static void entered(List<Step> back, int thread, long t, Link link, int wakeEdge) {
        int last = back.size() - 1;
        if (last < 0 || back.get(last).thread() != thread) {
            back.add(new Step(thread, t, t, Type.RUN, -1, link, wakeEdge));
            return;
        }
        Step s = back.get(last);
        back.set(last, new Step(s.thread(), s.start(), s.end(), s.type(), s.waitSpan(), link, wakeEdge));
    }

    /** The uncrossed wait that began last before {@code t}, or {@code -1}. */
    private static int latestWaitBefore(WaitSpans waits, long t, boolean[] crossed) {
        int lo = 0;
        int hi = waits.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (waits.start(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo - 1; i >= 0; i--) {
            if (!crossed[i]) {
                return i;
            }
        }
        return -1;
    }

    private static long lastActivity(ThreadInfo t) {
        long last = Long.MIN_VALUE;
        WorkloadSpans w = t.workloads();
        for (int i = 0; i < w.size(); i++) {
            last = Math.max(last, w.end(i));
        }
        WaitSpans waits = t.waits();
        for (int i = 0; i < waits.size(); i++) {
            last = Math.max(last, waits.end(i));
        }
        return last == Long.MIN_VALUE ? t.end() : last;
    }

    private static int startThread(List<ThreadInfo> threads) {
        int best = -1;
        long bestEnd = Long.MIN_VALUE;
        for (int i = 0; i < threads.size(); i++) {
            ThreadInfo t = threads.get(i);
            if (t.isSystem()) {
                continue;
            }
            if ("main".equals(t.name())) {
                return i;
            }
            long end = lastActivity(t);
            if (end > bestEnd) {
                best = i;
                bestEnd = end;
            }
        }
        return best;
    }
}
