package dev.weft.testkit;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The waits of a report's threads counted by kind, as a user reads them, whichever event carried each. */
public final class WaitCounts {

    private WaitCounts() { }

    /**
     * The waits of the threads {@code which} selects, by kind, without the kinds in {@code leftOut} and
     * without writes to stdout or stderr (I/O with no path): they block when the test reads the pipe
     * late, which is the scheduler's doing. The agent's own file I/O is the reader's to leave out
     * ({@code weft.AgentStatus} names those files), so it counts here if it shows.
     */
    public static Map<String, Integer> byKind(Model model, Predicate<ThreadInfo> which, Set<String> leftOut) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (ThreadInfo t : model.threads()) {
            if (!which.test(t)) {
                continue;
            }
            WaitSpans waits = t.waits();
            for (int i = 0; i < waits.size(); i++) {
                String kind = model.strings().get(waits.kind(i));
                String detail = waits.detail(i) < 0 ? null : model.strings().get(waits.detail(i));
                boolean notTheProgramsIo = kind.equals("io") && detail == null;
                if (!leftOut.contains(kind) && !notTheProgramsIo) {
                    kinds.merge(kind, 1, Integer::sum);
                }
            }
        }
        return kinds;
    }

    /** For failure messages: every wait of the thread named {@code name}, as "kind api detail". */
    public static List<String> describe(Model model, String name) {
        List<String> all = new ArrayList<>();
        for (ThreadInfo t : model.threads()) {
            if (name.equals(t.name())) {
                WaitSpans w = t.waits();
                for (int i = 0; i < w.size(); i++) {
                    all.add(model.strings().get(w.kind(i)) + " " + model.strings().get(w.api(i))
                            + (w.detail(i) < 0 ? "" : " " + model.strings().get(w.detail(i))));
                }
            }
        }
        return all;
    }

    /** The waits of the thread named {@code name}, by kind. */
    public static Map<String, Integer> ofThread(Model model, String name) {
        return byKind(model, t -> name.equals(t.name()), Set.of());
    }
}
