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
import java.util.regex.Pattern;

/** The waits of a report's threads counted by kind, as a user reads them, whichever event carried each. */
public final class WaitCounts {

    private WaitCounts() { }

    /** A weaving cache entry, or the temporary file it is written to first: its name is a SHA-256 in hex. */
    private static final Pattern CACHE_ENTRY = Pattern.compile(".*/\\.?[0-9a-f]{64}[^/]*");

    /**
     * The waits of the threads {@code which} selects, by kind, without the kinds in {@code leftOut} and
     * without two kinds of I/O the tested program does not decide:
     * <ul>
     *   <li>writes to stdout or stderr (no path): they block when the test reads the pipe late, which is
     *       the scheduler's doing;</li>
     *   <li>the agent's own files: after its recording started, {@code premain} (on main) loads Weft's
     *       classes from {@code agent.jar} and reads (or fills) its weaving cache, and JFR's
     *       {@code jdk.FileRead}/{@code FileWrite} show that as the application's I/O. A known fault of the
     *       agent, not of the program: to be fixed there, and this exception removed with it.</li>
     * </ul>
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
                boolean notTheProgramsIo = kind.equals("io") && (detail == null || isWeftsOwnFile(detail));
                if (!leftOut.contains(kind) && !notTheProgramsIo) {
                    kinds.merge(kind, 1, Integer::sum);
                }
            }
        }
        return kinds;
    }

    static boolean isWeftsOwnFile(String path) {
        return path.endsWith("/agent.jar") || path.endsWith("/weft-boot.jar") || CACHE_ENTRY.matcher(path).matches();
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
