package dev.weft.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the variants of one process measurement in turns: a first round that warms the file cache and is
 * not counted, then {@code runs} counted rounds, the order rotated after each so that no variant always
 * runs first after a pause.
 */
final class Rounds {

    /** One run of one variant; {@code counted} is false in the warm-up round. */
    interface Run {
        void run(String variant, boolean counted) throws IOException, InterruptedException;
    }

    private Rounds() {
    }

    static void run(Progress progress, String what, int runs, Collection<String> variants, Run run)
            throws IOException, InterruptedException {
        List<String> order = new ArrayList<>(variants);
        for (int round = 0; round <= runs; round++) {
            progress.line(what + ", round " + round + "/" + runs + (round == 0 ? " (warm-up, not counted)" : ""));
            for (String v : order) {
                run.run(v, round > 0);
            }
            Collections.rotate(order, 1);
        }
    }

    /** An empty sample per variant, in their order. */
    static Map<String, Sample> samples(Collection<String> variants) {
        Map<String, Sample> samples = new LinkedHashMap<>();
        for (String v : variants) {
            samples.put(v, new Sample());
        }
        return samples;
    }
}
