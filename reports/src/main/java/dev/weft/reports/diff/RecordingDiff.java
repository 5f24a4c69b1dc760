package dev.weft.reports.diff;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Phase;
import dev.weft.reports.model.ThreadInfo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two analysed recordings compared.
 *
 * <ul>
 * <li><b>Phases</b> are matched by name, each to the first phase of the same name not yet taken. When
 *     phases are left over on both sides and there are as many on each, they are paired in time order
 *     (the demo's sequential run against its concurrent one: one phase each, named differently);
 *     otherwise each is shown alone.</li>
 * <li><b>Threads</b> are matched by name. Threads named like a pool ({@code pool-1-thread-3}: a name,
 *     then a number) form one group per pattern when either recording has two or more of them, and all
 *     virtual threads form one group, so that runs with different thread counts still compare. The
 *     JVM's own threads are left out. The biggest change comes first.</li>
 * </ul>
 *
 * @param phases the first recording's in time order (each with its match), then those only the second has
 * @param lanes threads and groups, the biggest change first
 */
public record RecordingDiff(Analysis before, Analysis after, List<PhasePair> phases, List<LaneChange> lanes) {

    /** The group of every virtual thread. */
    public static final String VIRTUAL_GROUP = "virtual threads";

    private static final Pattern POOL = Pattern.compile("^(.*?\\D)(\\d+)$");

    public RecordingDiff {
        phases = List.copyOf(phases);
        lanes = List.copyOf(lanes);
    }

    public static RecordingDiff of(Analysis before, Analysis after) {
        return new RecordingDiff(before, after, pairPhases(before, after), lanes(before, after));
    }

    static List<PhasePair> pairPhases(Analysis before, Analysis after) {
        List<Figures.OfPhase> b = new ArrayList<>();
        for (Phase p : before.phases()) {
            b.add(Figures.of(before, p));
        }
        List<Figures.OfPhase> a = new ArrayList<>();
        for (Phase p : after.phases()) {
            a.add(Figures.of(after, p));
        }
        Figures.OfPhase[] partner = new Figures.OfPhase[b.size()];
        boolean[] taken = new boolean[a.size()];
        // the phases after not yet taken, by name, in order: a server's recording has a phase per request,
        // 100,000 of one name, and a scan of them for each phase before took minutes
        Map<String, ArrayDeque<Integer>> untaken = new HashMap<>();
        for (int j = 0; j < a.size(); j++) {
            untaken.computeIfAbsent(a.get(j).name(), k -> new ArrayDeque<>()).add(j);
        }
        int leftBefore = 0;
        for (int i = 0; i < b.size(); i++) {
            ArrayDeque<Integer> same = untaken.get(b.get(i).name());
            Integer j = same == null ? null : same.poll();
            if (j != null) {
                partner[i] = a.get(j);
                taken[j] = true;
            } else {
                leftBefore++;
            }
        }
        int leftAfter = 0;
        for (boolean t : taken) {
            leftAfter += t ? 0 : 1;
        }
        boolean byOrder = leftBefore > 0 && leftBefore == leftAfter;
        List<PhasePair> pairs = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < b.size(); i++) {
            if (partner[i] != null) {
                pairs.add(new PhasePair(b.get(i), partner[i], PhasePair.Match.NAME));
            } else if (byOrder) {
                while (taken[next]) {
                    next++;
                }
                taken[next] = true;
                pairs.add(new PhasePair(b.get(i), a.get(next), PhasePair.Match.ORDER));
            } else {
                pairs.add(new PhasePair(b.get(i), null, PhasePair.Match.BEFORE_ONLY));
            }
        }
        for (int j = 0; j < a.size(); j++) {
            if (!taken[j]) {
                pairs.add(new PhasePair(null, a.get(j), PhasePair.Match.AFTER_ONLY));
            }
        }
        return pairs;
    }

    static List<LaneChange> lanes(Analysis before, Analysis after) {
        Map<String, Integer> poolCount = new HashMap<>();
        countPools(before, poolCount);
        Map<String, Integer> afterPools = new HashMap<>();
        countPools(after, afterPools);
        afterPools.forEach((k, v) -> poolCount.merge(k, v, Math::max));

        Map<String, Figures.OfLane> b = lanesOf(before, poolCount);
        Map<String, Figures.OfLane> a = lanesOf(after, poolCount);
        Set<String> keys = new TreeSet<>(b.keySet());
        keys.addAll(a.keySet());
        List<LaneChange> changes = new ArrayList<>();
        for (String key : keys) {
            boolean group = key.charAt(0) == 'g';
            changes.add(new LaneChange(key.substring(2), group, b.getOrDefault(key, Figures.OfLane.NONE),
                    a.getOrDefault(key, Figures.OfLane.NONE)));
        }
        changes.sort(Comparator.comparingLong(LaneChange::change).reversed().thenComparing(LaneChange::name));
        return changes;
    }

    /** Per lane key ({@code t:name} for a thread, {@code g:name} for a group), the summed figures, in thread order. */
    private static Map<String, Figures.OfLane> lanesOf(Analysis analysis, Map<String, Integer> poolCount) {
        Map<String, Figures.OfLane> lanes = new LinkedHashMap<>();
        List<ThreadInfo> threads = analysis.model().threads();
        for (int i = 0; i < threads.size(); i++) {
            if (Figures.isSystem(analysis, i)) {
                continue;
            }
            ThreadInfo t = threads.get(i);
            String pool = t.isVirtual() ? null : poolOf(t.displayName());
            String key = t.isVirtual() ? "g:" + VIRTUAL_GROUP
                    : pool != null && poolCount.getOrDefault(pool, 0) >= 2 ? "g:" + pool : "t:" + t.displayName();
            lanes.merge(key, Figures.ofThread(analysis, i), Figures.OfLane::plus);
        }
        return lanes;
    }

    private static void countPools(Analysis analysis, Map<String, Integer> counts) {
        List<ThreadInfo> threads = analysis.model().threads();
        for (int i = 0; i < threads.size(); i++) {
            ThreadInfo t = threads.get(i);
            if (!Figures.isSystem(analysis, i) && !t.isVirtual()) {
                String pool = poolOf(t.displayName());
                if (pool != null) {
                    counts.merge(pool, 1, Integer::sum);
                }
            }
        }
    }

    /** {@code pool-1-thread-3} → {@code pool-1-thread-N}; null for a name that does not end in a number. */
    static String poolOf(String name) {
        Matcher m = POOL.matcher(name);
        return m.matches() ? m.group(1) + "N" : null;
    }
}
