package dev.weft.bench;

import java.util.List;

/** The live benchmarks' rows in the results table. */
final class LiveRows {

    private LiveRows() { }

    static void throughput(Table table, LiveBench.Throughput t) {
        Sample recorded = t.rate().get(LiveBench.RECORDED);
        Sample watched = t.rate().get(LiveBench.WATCHED);
        Sample plain = t.rate().get(LiveBench.PLAIN);
        double ratio = watched.median() / recorded.median();
        table.row("live. loopback server, requests/s: recorded → recorded and watched", recorded.describe("/s"),
                watched.describe("/s"), String.format("%+.1f %%", (ratio - 1) * 100), "the target pays only for its recording",
                "(measured)");
        table.row("   same, no agent → recorded", plain.describe("/s"), recorded.describe("/s"),
                String.format("%+.1f %%", (recorded.median() / plain.median() - 1) * 100), "", "(info)");
        table.row("   the watcher's own CPU while it watched", "—", String.format("%.0f ms/s (%.0f–%.0f)",
                t.watcherCpuPerSecond().median(), t.watcherCpuPerSecond().min(), t.watcherCpuPerSecond().max()),
                "", "", "(info)");
        table.note("live: LoopbackServer (8 clients, 4 workers, a lock, all in one JVM) measured for " + t.measureSeconds()
                + " s after 3 s of warm-up, median (min–max) of " + recorded.size() + " interleaved runs per variant;"
                + " 'watched' runs agent.jar watch --json-lines beside it, a separate process on the same cores.");
    }

    static void latency(Table table, LiveBench.Latency l) {
        table.row("live. a 3 s sleep begins → the page's data lists it", "—", quantiles(l.appear()), "", "~2 s behind",
                l.appear().quantile(0.9) <= 3000 ? "yes (p90 ≤ 3 s)" : "no");
        table.row("   it ends → the page's data drops it", "—", quantiles(l.disappear()), "", "", "(info)");
        table.note("live latency: SleepTarget prints when each sleep began and ended (its wall clock); the harness polls the"
                + " page's /data every 50 ms; " + l.appear().size() + " events. Sampling (1 s), JFR's flush (1 s, in the same"
                + " periodic batch) and the stream's poll of the repository (1 s) set the floor.");
    }

    static void heap(Table table, LiveBench.Memory m) {
        List<long[]> minutes = m.minutes();
        long[] first = minutes.get(0);
        long[] last = minutes.get(minutes.size() - 1);
        table.row("watch. watcher heap after GC, lowest in the minute: minute 1 → minute " + last[0], first[3] + " MB",
                last[3] + " MB", String.format("%+d MB", last[3] - first[3]), "bounded by the window", "(measured)");
        long maxRss = 0;
        for (long[] mm : minutes) {
            maxRss = Math.max(maxRss, mm[1]);
        }
        table.row("   watcher RSS, highest in the minute: minute 1 → minute " + last[0], first[1] / 1024 + " MB",
                last[1] / 1024 + " MB", "max " + maxRss / 1024 + " MB", "", "(info)");
        StringBuilder b = new StringBuilder("watch heap per minute (minute: RSS max MB, heap after GC min MB, before GC max MB, "
                + "page data KB):");
        for (long[] mm : minutes) {
            b.append(String.format(" %d: %d/%d/%d/%d;", mm[0], mm[1] / 1024, mm[3], mm[4], mm[2] / 1024));
        }
        table.note(b + " The target: LoopbackServer under the agent for the whole watch (its recording: "
                + m.targetEvents() / 1048576 + " MB); the watcher ran with -Xmx256m, as ./weft watch runs it; the page"
                + " polled once a second.");
    }

    static void exitReport(Table table, LiveBench.ExitMemory e) {
        Sample plain = e.peakKb().get(LiveBench.PLAIN);
        Sample noReport = e.peakKb().get(LiveBench.AGENT_NO_REPORT);
        Sample report = e.peakKb().get(LiveBench.AGENT_REPORT);
        double added = (report.median() - noReport.median()) / 1024;
        table.row("exit. 100k virtual threads, the app's peak RSS: agent report=none → agent with its exit report",
                mb(noReport), mb(report), String.format("%+.0f MB", added), "≤ +100 MB", added <= 100 ? "yes" : "no");
        table.row("   the child JVM that renders the exit report, peak RSS", "—", mb(e.childKb()), "", "≤ ~100 MB",
                e.childKb().median() <= 110 * 1024 ? "yes" : "no");
        table.row("   the app's peak RSS: no agent → agent report=none (the recording's own cost)", mb(plain), mb(noReport),
                String.format("%+.0f MB", (noReport.median() - plain.median()) / 1024), "", "(info)");
        table.row("   wall time: no agent → agent with its exit report", e.wall().get(LiveBench.PLAIN).describe("ms"),
                e.wall().get(LiveBench.AGENT_REPORT).describe("ms"), "", "", "(info)");
        table.note("exit: VirtualLocks (100,000 virtual threads, 8 locks) run to its end; peak RSS is Linux's VmHWM, polled"
                + " every 10 ms, of the app and of each child it starts; recording " + String.format("%.1f",
                e.jfrMb().median()) + " MB; median (min–max) of " + plain.size() + " interleaved runs per variant; the"
                + " report was written within its budget (reporttimeout=20s) in " + Math.round(e.rendered().sum()) + " of " + e.rendered().size() + " runs.");
    }

    private static String mb(Sample kb) {
        return String.format("%.0f MB (%.0f–%.0f)", kb.median() / 1024, kb.min() / 1024, kb.max() / 1024);
    }

    private static String quantiles(Sample s) {
        return String.format("median %.0f ms, p90 %.0f ms, max %.0f ms", s.median(), s.quantile(0.9), s.max());
    }
}
