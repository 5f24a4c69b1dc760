package dev.weft.reports.diff;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Phase;
import dev.weft.reports.analyse.ThreadBreakdown;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitKinds;

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
     * The wait kinds Weft records, as the analysis names them (its one list, {@link WaitKinds}); a kind
     * not in this list never has waiting time.
     */
    public static final List<String> KINDS = WaitKinds.names();

    private Figures() {
    }

    /**
     * What a phase (or a weft-junit run) took, in the analysis's vocabulary. Durations are nanoseconds.
     *
     * @param name          the phase's name, e.g. {@code Scenario02Concurrent.run}
     * @param wall          wall time of the phase
     * @param work          thread time running: in workload and not waiting, summed over threads
     * @param speedUp       {@code work / wall}, the average threads running: about 1 in sequence, about N
     *                      with N threads working at once (at most the cores, when the work is the CPU's)
     * @param inFlight      the average threads in workload, waiting or not: the Go lesson's concurrency
     * @param peakInFlight  the most threads in workload at the same moment
     * @param waiting       time the threads taking part were blocked, all kinds but idle
     * @param idle          time they were idle: pool workers waiting for their next task
     * @param waitingByKind blocked time by kind ({@code lock}, {@code join} …), kinds without time left out
     */
    public record OfPhase(String name, long wall, long work, double speedUp, double inFlight, int peakInFlight,
                          long waiting, long idle, Map<String, Long> waitingByKind) {

        public OfPhase {
            waitingByKind = Collections.unmodifiableMap(new LinkedHashMap<>(waitingByKind));
        }

        /** Time of one kind: blocked on it, or idle for {@code idle}; 0 when none. */
        public long waiting(String kind) {
            return WaitKinds.isIdle(kind) ? idle : waitingByKind.getOrDefault(kind, 0L);
        }
    }

    /**
     * Where the lifetime of one thread (or the summed lifetimes of a group) went, without overlap:
     * running, blocked (by kind), idle, other. Durations are nanoseconds.
     */
    public record OfLane(int threads, long running, long waiting, long idle, long other, Map<String, Long> waitingByKind) {

        public static final OfLane NONE = new OfLane(0, 0, 0, 0, 0, Map.of());

        public OfLane {
            waitingByKind = Collections.unmodifiableMap(new LinkedHashMap<>(waitingByKind));
        }

        public long lifetime() {
            return running + waiting + idle + other;
        }

        /** The lane's figures with {@code o}'s added: a group's lane is the sum of its threads'. */
        public OfLane plus(OfLane o) {
            Map<String, Long> kinds = new LinkedHashMap<>(waitingByKind);
            o.waitingByKind.forEach((k, v) -> kinds.merge(k, v, Long::sum));
            return new OfLane(threads + o.threads, running + o.running, waiting + o.waiting, idle + o.idle,
                    other + o.other, kinds);
        }
    }

    /** A phase's figures. */
    public static OfPhase of(Analysis analysis, Phase phase) {
        return new OfPhase(phase.name(), phase.wall(), phase.runningTime(), phase.running(), phase.inFlight(),
                phase.inFlightPeak(), phase.blocked(), phase.idle(), phase.blockedByKind());
    }

    /** The figures of the thread at {@code index} of the model's threads. */
    public static OfLane ofThread(Analysis analysis, int index) {
        ThreadBreakdown b = analysis.breakdown(index);
        Map<String, Long> byKind = new LinkedHashMap<>();
        List<String> kinds = analysis.kinds();
        for (int k = 0; k < kinds.size(); k++) {
            if (b.waiting(k) > 0 && !WaitKinds.isIdle(kinds.get(k))) {
                byKind.put(kinds.get(k), b.waiting(k));
            }
        }
        return new OfLane(1, b.workload(), b.waiting(), b.idle(), b.other(), byKind);
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
