package dev.weft.reports.analyse;

/**
 * The phases by time, to find those a thread can take part in without visiting every phase for every
 * thread: a program of 100,000 tasks that are each a phase would otherwise cost 10^10 steps. Phases are
 * kept sorted by start with the latest end so far beside each ({@code reach}), all of them and each
 * thread's own, so that the phases overlapping a time are found by two binary searches and a scan of
 * only those that started before it and may still be open.
 */
final class PhaseIndex {

    /** What is told each phase found. */
    @FunctionalInterface
    interface Visit {
        void phase(int ph);
    }

    private final PhaseFinder phases;
    private final ByStart all;
    private final ByStart[] ofThread;

    /** Phase numbers in order of start, their starts, and the latest end among them up to each. */
    private record ByStart(int[] order, long[] starts, long[] reach) {

        /** {@code members} in start order, as {@link PhaseFinder} numbers phases: no sort is needed. */
        static ByStart of(PhaseFinder phases, int[] members) {
            long[] starts = new long[members.length];
            for (int i = 0; i < members.length; i++) {
                starts[i] = phases.start(members[i]);
            }
            long[] reach = new long[members.length];
            long latest = Long.MIN_VALUE;
            for (int i = 0; i < members.length; i++) {
                latest = Math.max(latest, phases.end(members[i]));
                reach[i] = latest;
            }
            return new ByStart(members, starts, reach);
        }

        /** Tells {@code visit} each phase {@code p} with {@code start < to} and {@code end > from}. */
        void overlapping(PhaseFinder phases, long from, long to, Visit visit) {
            // reach only grows: the first place it passes from; before it every phase has ended by from
            for (int i = Sorted.firstAbove(reach, 0, reach.length, from);
                 i < starts.length && starts[i] < to; i++) {
                if (phases.end(order[i]) > from) {
                    visit.phase(order[i]);
                }
            }
        }
    }

    PhaseIndex(PhaseFinder phases, int threads) {
        this.phases = phases;
        int[] all = new int[phases.size()];
        int[] perThread = new int[threads];
        for (int ph = 0; ph < all.length; ph++) {
            all[ph] = ph;
            perThread[phases.thread(ph)]++;
        }
        this.all = ByStart.of(phases, all);
        int[][] members = new int[threads][];
        for (int ph = 0; ph < all.length; ph++) {
            int t = phases.thread(ph);
            if (members[t] == null) {
                members[t] = new int[perThread[t]];
                perThread[t] = 0;
            }
            members[t][perThread[t]++] = ph;
        }
        this.ofThread = new ByStart[threads];
        for (int t = 0; t < threads; t++) {
            ofThread[t] = members[t] == null ? null : ByStart.of(phases, members[t]);
        }
    }

    /** The phases open at some time in {@code [from, to)}. */
    void overlapping(long from, long to, Visit visit) {
        if (to > from) {
            all.overlapping(phases, from, to, visit);
        }
    }

    /** The phases of the thread {@code thread}. */
    void ofThread(int thread, Visit visit) {
        ByStart own = thread < 0 || thread >= ofThread.length ? null : ofThread[thread];
        if (own != null) {
            for (int ph : own.order()) {
                visit.phase(ph);
            }
        }
    }

    /** The phases of the thread {@code thread} open just after {@code time} began: started before it, ending after it. */
    void ofThreadOpenAt(int thread, long time, Visit visit) {
        ByStart own = thread < 0 || thread >= ofThread.length ? null : ofThread[thread];
        if (own != null) {
            own.overlapping(phases, time, time + 1, visit);
        }
    }
}
