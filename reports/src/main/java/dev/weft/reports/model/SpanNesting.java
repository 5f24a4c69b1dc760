package dev.weft.reports.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The agent's spans on one thread are calls, and calls nest: a wait lies inside the workload that made
 * it, a workload inside its caller. Two that cross, one starting inside the other and ending after it,
 * cannot come from a sound recording: a timestamp or a duration was damaged. The JDK's own wait events
 * are not held to this, as the merge of nested waits tolerates their edges.
 */
final class SpanNesting {

    private long[] open = new long[16];
    private long threads;
    private String first;

    /** Checks the agent's spans of {@code t}, sorted by start (outer before inner). */
    void check(ThreadInfo t) {
        WorkloadSpans w = t.workloads();
        WaitSpans ws = t.waits();
        int depth = 0;
        int i = 0;
        int j = 0;
        while (i < w.size() || j < ws.size()) {
            boolean workload = j >= ws.size() || (i < w.size() && before(w.start(i), w.end(i), ws.start(j), ws.end(j)));
            long start = workload ? w.start(i) : ws.start(j);
            long end = workload ? w.end(i++) : ws.end(j++);
            while (depth > 0 && open[depth - 1] <= start) {
                depth--;
            }
            if (depth > 0 && end > open[depth - 1]) {
                threads++;
                if (first == null) {
                    first = String.format(Locale.ROOT, "thread %s: a span from %d to %d ns crosses one ending at %d",
                            t.displayName(), start, end, open[depth - 1]);
                }
                return;
            }
            if (depth == open.length) {
                open = Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = end;
        }
    }

    /** Outer before inner: by start, then the longer first. */
    private static boolean before(long s1, long e1, long s2, long e2) {
        return s1 < s2 || (s1 == s2 && e1 >= e2);
    }

    /** The finding for the report, {@code null} when every thread's spans nest. */
    String finding() {
        return first == null ? null : "the recording looks damaged: spans that cannot cross do on " + threads
                + (threads == 1 ? " thread (" : " threads (the first: ") + first + ")";
    }
}
