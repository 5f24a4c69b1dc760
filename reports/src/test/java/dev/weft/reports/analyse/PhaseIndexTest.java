package dev.weft.reports.analyse;

import static dev.weft.reports.testing.TimedModels.at;
import static dev.weft.reports.testing.TimedModels.recording;
import static dev.weft.reports.testing.TimedModels.thread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.ThreadInfo;

import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.RepeatedTest;

/** The phase index finds exactly the phases a scan of all of them finds. */
class PhaseIndexTest {

    private static final Random SEEDS = new Random(20261130);

    @RepeatedTest(20)
    void findsWhatAScanOfEveryPhaseFinds() {
        long seed = SEEDS.nextLong();
        Random r = new Random(seed);
        ModelBuilder b = recording(1000);
        int threads = 1 + r.nextInt(8);
        for (int t = 0; t < threads; t++) {
            ThreadInfo thread = thread(b, 10 + t, "t-" + t, 0, 1000, -1);
            // top-level spans of each thread (main has none): each one a phase, long or short, in a row
            double at = r.nextInt(50);
            while (at < 950) {
                double end = Math.min(1000, at + 1 + r.nextInt(r.nextBoolean() ? 20 : 400));
                b.workload(thread, at(at), at(end), "x.T::run");
                at = end + r.nextInt(30);
            }
        }
        Model m = b.build();
        PhaseFinder phases = PhaseFinder.find(m.threads(), m.strings(), PhaseFilter.parse(null));
        assertTrue(phases.size() > 0);
        for (int ph = 1; ph < phases.size(); ph++) {
            // what the index builds on: phases numbered in start order, so it never sorts
            assertTrue(phases.start(ph - 1) <= phases.start(ph), "phases in start order, seed " + seed);
        }
        PhaseIndex index = new PhaseIndex(phases, m.threads().size());
        for (int q = 0; q < 200; q++) {
            long from = at(r.nextInt(1000));
            long to = from + at(r.nextInt(300)) - at(0);
            TreeSet<Integer> found = new TreeSet<>();
            index.overlapping(from, to, found::add);
            assertEquals(scan(phases, -1, from, to), found, "seed " + seed + ", [" + from + ", " + to + ")");
            int thread = r.nextInt(m.threads().size());
            TreeSet<Integer> open = new TreeSet<>();
            index.ofThreadOpenAt(thread, from, open::add);
            assertEquals(scan(phases, thread, from, from + 1), open, "seed " + seed + ", thread " + thread);
        }
    }

    private static TreeSet<Integer> scan(PhaseFinder phases, int thread, long from, long to) {
        TreeSet<Integer> found = new TreeSet<>();
        for (int ph = 0; ph < phases.size(); ph++) {
            if ((thread < 0 || phases.thread(ph) == thread) && from < to && phases.start(ph) < to && phases.end(ph) > from) {
                found.add(ph);
            }
        }
        return found;
    }
}
