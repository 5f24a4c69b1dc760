package dev.weft.reports.render;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Concurrency;
import dev.weft.reports.analyse.PhaseGroup;
import dev.weft.reports.analyse.WaitTotal;
import dev.weft.reports.model.AgentStatus;
import dev.weft.reports.model.AliveAtExit;
import dev.weft.reports.model.Model;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** A compact text summary for terminals: phases, threads, waits by kind, threads alive at exit. */
public final class TextSummary {

    /** Phase groups shown at most: a summary stays a screenful whatever the recording holds. */
    static final int GROUPS = 8;
    /** Columns of the terminal a summary is written for. */
    static final int LINE = 120;

    private TextSummary() {
    }

    public static void print(Analysis analysis, PrintStream out) {
        Model model = analysis.model();
        String source = model.source() == null || model.source().getFileName() == null ? "recording"
                : model.source().getFileName().toString();
        out.println("Weft summary of " + Format.safe(source, 200));
        out.printf(Locale.ROOT, "  recording    %s, %,d events%s%n", Format.duration(model.duration()),
                model.eventCount(), model.partial() ? " (PARTIAL: see the warning)" : "");
        out.printf(Locale.ROOT, "  threads      %d platform, %d virtual (+%d JDK-internal)%n",
                analysis.platformThreads(), analysis.virtualThreads(), analysis.systemThreads());
        Concurrency c = analysis.concurrency();
        if (c.inFlight().peak() > 0) {
            out.printf(Locale.ROOT, "  in flight    peak %d threads in workload, average %.2f while any was%n",
                    c.inFlight().peak(), c.inFlight().average());
            out.printf(Locale.ROOT, "  running      peak %d threads in workload and not waiting, average %.2f%n",
                    c.running().peak(), c.running().average());
        }
        AgentStatus agent = model.agentStatus();
        if (!model.hasAgentData()) {
            out.println("  agent        none: recorded without the Weft agent (no workload or API-level wait spans)");
        } else if (agent != null) {
            out.printf(Locale.ROOT, "  agent        %s, %d types instrumented, %d transformation errors, "
                            + "%d suppressed errors%n", agent.version() == null ? "version unknown"
                            : Format.safe(agent.version(), 40), agent.instrumentedTypes(), agent.transformErrors(),
                    agent.suppressedErrors());
        }

        List<PhaseGroup> groups = analysis.biggestPhaseGroups();
        if (!groups.isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "  %-32s %6s %10s %10s %8s %8s%n", "Phase (most wall time first)", "count",
                    "wall", "in flight", "running", "blocked");
            int shown = Math.min(groups.size(), GROUPS);
            for (PhaseGroup g : groups.subList(0, shown)) {
                out.printf(Locale.ROOT, "  %-32s %6d %10s %10s %8s %8s%n", Format.safe(g.name(), 32), g.count(),
                        Format.duration(g.wall()), String.format(Locale.ROOT, "%.1f", g.inFlight()),
                        String.format(Locale.ROOT, "%.1f", g.running()), Format.percent(g.blockedShare()));
            }
            if (groups.size() > shown) {
                out.printf(Locale.ROOT, "  ... and %d more phase groups (reports.jar json lists them all)%n",
                        groups.size() - shown);
            }
        }

        List<WaitTotal> blocked = analysis.blockedTotals();
        if (!analysis.waitTotals().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "  %-36s %10s %10s%n", "Blocked by kind", "count", "time");
            for (WaitTotal w : blocked) {
                if (w.count() > 0) {
                    out.printf(Locale.ROOT, "  %-36s %,10d %10s%n", Format.safe(w.kind(), 36), w.count(),
                            Format.duration(w.time()));
                }
            }
            if (analysis.idleTotal() > 0) {
                out.printf(Locale.ROOT, "  %-36s %10s %10s%n", "idle (waiting for work, not blocked)", "",
                        Format.duration(analysis.idleTotal()));
            }
        }

        out.println();
        int alive = model.aliveAtExit().size();
        if (alive == 0) {
            out.println("  Alive at exit: none"
                    + (model.eventTypes().contains("weft.ThreadAliveAtExit") || model.hasAgentData() ? ""
                    : " seen (needs the Weft agent)"));
        } else {
            out.printf(Locale.ROOT, "  Alive at exit: %d %s still running when the program exited - %s work was "
                    + "cut short (forgotten wait)%n", alive, alive == 1 ? "thread was" : "threads were",
                    alive == 1 ? "its" : "their");
            int shown = 0;
            for (AliveAtExit a : model.aliveAtExit()) {
                if (shown++ == 20) {
                    out.printf(Locale.ROOT, "    ... and %d more%n", alive - 20);
                    break;
                }
                String activity = a.activity() == null ? "" : a.activity().strip();
                int nl = activity.indexOf('\n');
                if (nl >= 0) {
                    activity = activity.substring(0, nl);
                }
                String line = String.format(Locale.ROOT, "    %-30s %s%s%s", Format.safe(a.name(), 30),
                        a.virtual() ? "virtual" : "platform", a.daemon() ? ", daemon" : "",
                        a.state() == null ? "" : ", " + Format.safe(a.state(), 20));
                // the activity gets what is left of a 120-column terminal
                out.println(activity.isEmpty() ? line
                        : line + "  at " + Format.safe(activity, Math.max(20, LINE - line.length() - 5)));
            }
        }
        if (!analysis.notes().isEmpty()) {
            out.println();
            for (String note : analysis.notes()) {
                wrap(out, "  note: ", Format.safe(note, 300));
            }
        }
    }

    /** {@code text} after {@code first}, broken at spaces into lines of {@link #LINE} columns, indented alike. */
    static void wrap(PrintStream out, String first, String text) {
        String indent = " ".repeat(first.length());
        String lead = first;
        String rest = text;
        while (lead.length() + rest.length() > LINE) {
            int room = LINE - lead.length();
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= 0) {
                cut = room; // one word longer than the line: cut it
            }
            out.println(lead + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            lead = indent;
        }
        out.println(lead + rest);
    }
}
