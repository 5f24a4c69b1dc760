package dev.weft.reports.testing;

import dev.weft.reports.model.AgentStatus;
import dev.weft.reports.model.AliveAtExit;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.Pins;
import dev.weft.reports.model.StringTable;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.model.Wakes;
import dev.weft.reports.model.WorkloadSpans;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A model as lines of text, every value spelled out (strings, not their table ids): two models are the
 * same exactly when their dumps are equal, and a difference shows where it is.
 */
public final class ModelDump {

    private ModelDump() {
    }

    public static List<String> of(Model m) {
        List<String> out = new ArrayList<>();
        StringTable s = m.strings();
        out.add("range " + m.start() + " " + m.end() + " events " + m.eventCount() + " partial " + m.partial()
                + " merged " + m.mergedWaits() + " dataLoss " + m.dataLossBytes());
        out.add("types " + new TreeSet<>(m.eventTypes()));
        AgentStatus a = m.agentStatus();
        out.add("agent " + (a == null ? "none" : a.toString()));
        for (String w : m.warnings()) {
            out.add("warning " + w);
        }
        for (AliveAtExit alive : m.aliveAtExit()) {
            out.add("alive " + alive);
        }
        for (ThreadInfo t : m.threads()) {
            out.add("thread " + t.id() + " '" + t.name() + "' virtual " + t.isVirtual() + " daemon "
                    + (t.isDaemonKnown() ? t.isDaemon() : "?") + " parent " + t.parentId() + " life " + t.start() + ".."
                    + t.end() + " seen " + t.startSeen() + "/" + t.endSeen() + " alive " + t.aliveAtExit() + " system "
                    + t.isSystem() + " group " + t.group() + " class " + t.threadClass());
            WorkloadSpans w = t.workloads();
            for (int i = 0; i < w.size(); i++) {
                out.add("  work " + w.start(i) + ".." + w.end(i) + " " + s.get(w.method(i)) + " @" + oneLine(s.get(w.stack(i))));
            }
            WaitSpans ws = t.waits();
            for (int i = 0; i < ws.size(); i++) {
                out.add("  wait " + ws.start(i) + ".." + ws.end(i) + " " + s.get(ws.kind(i)) + " " + s.get(ws.api(i))
                        + " " + s.get(ws.blockerClass(i)) + " #" + ws.blockerId(i) + " target " + ws.target(i)
                        + " notifier " + ws.notifier(i) + " flags " + ws.flags(i) + " detail " + s.get(ws.detail(i)) + " @"
                        + oneLine(s.get(ws.stack(i))));
            }
            Pins p = t.pins();
            for (int i = 0; i < p.size(); i++) {
                out.add("  pin " + p.start(i) + ".." + p.end(i) + " " + s.get(p.reason(i)) + " @" + oneLine(s.get(p.stack(i))));
            }
            Wakes k = t.wakes();
            for (int i = 0; i < k.size(); i++) {
                out.add("  wake " + k.time(i) + " -> " + k.woken(i) + " #" + k.blockerId(i) + " " + s.get(k.how(i)));
            }
        }
        return out;
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replace('\n', '|');
    }

    /** The first line where two dumps differ, with a little context; {@code null} when equal. */
    public static String firstDifference(List<String> expected, List<String> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "line " + i + ":\n  expected " + expected.get(i) + "\n  actual   " + actual.get(i);
            }
        }
        if (expected.size() != actual.size()) {
            return "lengths differ: " + expected.size() + " vs " + actual.size() + "; next: "
                    + (expected.size() > n ? expected.get(n) : actual.get(n));
        }
        return null;
    }
}
