package dev.weft.reports.live;

import dev.weft.reports.render.Format;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code watch --text}: a compact table for a terminal, redrawn every second — the counts of running,
 * blocked (by kind) and idle threads, and the longest-blocked threads with what they wait on and for
 * how long.
 */
public final class LiveText {

    /** Rows of blocked threads shown. */
    static final int ROWS = 15;

    private LiveText() {
    }

    public static String render(LiveView view, String title) {
        LiveState s = view.state();
        StringBuilder b = new StringBuilder();
        b.append(Format.safe(title, 80)).append(String.format(Locale.ROOT, "   window %s, %s behind%n",
                seconds(view.windowMillis()), seconds(s.behindMs())));
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (LiveState.Waiting w : s.blocked()) {
            kinds.merge(w.kind(), 1, Integer::sum);
        }
        StringBuilder byKind = new StringBuilder();
        kinds.forEach((k, n) -> byKind.append(byKind.length() == 0 ? " (" : ", ").append(k).append(' ').append(n));
        if (byKind.length() > 0) {
            byKind.append(')');
        }
        b.append(String.format(Locale.ROOT, "threads: %d running, %d blocked%s, %d idle%n", s.running(),
                s.blocked().size(), byKind, s.idle().size()));
        if (!s.sampled()) {
            b.append("(this agent does not sample waits in progress: blocked threads show once their wait ended)\n");
        }
        if (s.blocked().isEmpty()) {
            return b.append("nobody blocked\n").toString();
        }
        b.append(String.format(Locale.ROOT, "%n  %8s  %-30s %-14s %s%n", "FOR", "THREAD", "KIND", "ON"));
        for (LiveState.Waiting w : s.blocked().subList(0, Math.min(ROWS, s.blocked().size()))) {
            b.append(String.format(Locale.ROOT, "  %8s  %-30s %-14s %s%n", seconds(w.forMs()),
                    Format.safe(w.thread(), 30), Format.safe(w.kind(), 14),
                    Format.safe(w.on() == null ? w.api() == null ? "" : w.api() : w.on(), 70)));
        }
        if (s.blocked().size() > ROWS) {
            b.append("  … ").append(s.blocked().size() - ROWS).append(" more\n");
        }
        return b.toString();
    }

    private static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
