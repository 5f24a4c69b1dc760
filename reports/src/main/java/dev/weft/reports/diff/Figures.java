package dev.weft.reports.diff;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Phase;
import dev.weft.reports.analyse.ThreadBreakdown;
import dev.weft.reports.model.ThreadInfo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping from the analysis to the figures that {@code reports.jar diff} compares and that
 * weft-junit asserts on. Both read the analysis only through this class, so when the analysis's
 * vocabulary changes, this is the only place that follows.
 */
public final class Figures {

    /**
     * The wait kinds Weft records, as the analysis names them: the APIs the agent instruments and the
     * JVM's own events. A kind not in this list never has waiting time.
     */
    public static final List<String> KINDS = List.of("sleep", "join", "future", "latch", "barrier", "phaser",
            "semaphore", "lock", "condition", "monitor", "monitor-enter", "monitor-wait", "queue", "executor", "park",
            "io");

    private Figures() {
    }

    /**
     * What a phase (or a weft-junit run) took. Durations are nanoseconds.
     *
     * @param name          the phase's name, e.g. {@code Scenario02Concurrent.run}
     * @param wall          wall time of the phase
     * @param work          workload summed over the threads taking part
     * @param speedUp       {@code work / wall}: about 1 in sequence, about N with N threads at once
     * @param waiting       time the threads taking part waited, all kinds
     * @param waitingByKind that time by kind ({@code lock}, {@code join} …), kinds without time left out
     * @param peakInFlight  the most threads in workload, and not waiting, at the same moment
     */
    public record OfPhase(String name, long wall, long work, double speedUp, long waiting,
                          Map<String, Long> waitingByKind, int peakInFlight) {

        public OfPhase {
            waitingByKind = Collections.unmodifiableMap(new LinkedHashMap<>(waitingByKind));
        }

        /** Waiting of one kind, 0 when none. */
        public long waiting(String kind) {
            return waitingByKind.getOrDefault(kind, 0L);
        }
    }

    /**
     * Where the lifetime of one thread (or the summed lifetimes of a group) went, without overlap.
     * Durations are nanoseconds.
     */
    public record OfLane(int threads, long workload, long waiting, long other, Map<String, Long> waitingByKind) {

        public static final OfLane NONE = new OfLane(0, 0, 0, 0, Map.of());

        public OfLane {
            waitingByKind = Collections.unmodifiableMap(new LinkedHashMap<>(waitingByKind));
        }

        public long lifetime() {
            return workload + waiting + other;
        }

        /** The lane's figures with {@code o}'s added: a group's lane is the sum of its threads'. */
        public OfLane plus(OfLane o) {
            Map<String, Long> kinds = new LinkedHashMap<>(waitingByKind);
            o.waitingByKind.forEach((k, v) -> kinds.merge(k, v, Long::sum));
            return new OfLane(threads + o.threads, workload + o.workload, waiting + o.waiting, other + o.other, kinds);
        }
    }

    /**
     * A phase's figures. The peak is the recording's: the analysis counts it over the whole recording,
     * which for a weft-junit run (one recording per run) is the run.
     */
    public static OfPhase of(Analysis analysis, Phase phase) {
        return new OfPhase(phase.name(), phase.wall(), phase.work(), phase.speedUp(), phase.waiting(),
                phase.waitByKind(), analysis.concurrency().peak());
    }

    /** The figures of the thread at {@code index} of the model's threads. */
    public static OfLane ofThread(Analysis analysis, int index) {
        ThreadBreakdown b = analysis.breakdown(index);
        Map<String, Long> byKind = new LinkedHashMap<>();
        List<String> kinds = analysis.kinds();
        for (int k = 0; k < kinds.size(); k++) {
            if (b.waiting(k) > 0) {
                byKind.put(kinds.get(k), b.waiting(k));
            }
        }
        return new OfLane(1, b.workload(), b.waiting(), b.other(), byKind);
    }

    /**
     * The threads {@code threadId} started between {@code from} and {@code to} (epoch nanoseconds), and
     * those they started in turn, that the recording never saw end: what a run left running, when the
     * recording stops just after it. The JVM's and the tools' own threads are not counted.
     */
    public static List<ThreadInfo> leftRunning(Analysis analysis, long threadId, long from, long to) {
        Map<Long, List<ThreadInfo>> children = new HashMap<>();
        for (ThreadInfo t : analysis.model().threads()) {
            if (t.startSeen() && t.start() >= from && t.start() <= to && !t.isSystem()) {
                children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
            }
        }
        List<ThreadInfo> left = new ArrayList<>();
        Deque<Long> parents = new ArrayDeque<>();
        parents.add(threadId);
        while (!parents.isEmpty()) {
            for (ThreadInfo t : children.getOrDefault(parents.poll(), List.of())) {
                parents.add(t.id());
                if (!t.endSeen()) {
                    left.add(t);
                }
            }
        }
        return left;
    }

    /** Whether the thread at {@code index} is one of the JVM's or the tools' own: never compared. */
    public static boolean isSystem(Analysis analysis, int index) {
        return analysis.model().threads().get(index).isSystem();
    }
}
