package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.StringTable;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.model.WorkloadSpans;
import dev.weft.reports.testing.ModelDump;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.TestThreads;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recording larger than the model's budget reads as the whole of a time prefix: every thread and span that
 * began before the cut, none after, the ones the cut crosses ended by it, whichever parser reads it. The
 * recording: virtual threads started in waves from main, whose thread starts reach the file in main's buffer
 * while their spans come with their carriers' buffers, so file order is not time order.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrefixReadTest {

    @TempDir
    static Path dir;
    static Path jfr;
    static Model whole;

    @BeforeAll
    static void record() throws Exception {
        jfr = Recordings.record(dir.resolve("waves.jfr"), true, () -> {
            for (int wave = 0; wave < 8; wave++) {
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                    int index = i;
                    threads.add(TestThreads.virtual(() -> WeftEvents.workload("dev.weft.Test::task" + (index % 5),
                            () -> WeftEvents.await("sleep", "Thread.sleep", null, null, () -> Thread.sleep(1 + index % 3)))));
                }
                for (Thread t : threads) {
                    WeftEvents.start(t);
                }
                for (Thread t : threads) {
                    t.join();
                }
            }
        });
        whole = JfrReader.read(jfr, StallGuard.DEFAULT_STALL_NANOS, JfrReader.Parser.FAST, Long.MAX_VALUE);
        assertFalse(whole.partial(), whole.warnings().toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 40})
    void aFractionOfTheBudgetGivesTheWholeOfAPrefixWithEitherParser(int fraction) throws Exception {
        long budget = charge(whole) / fraction;
        Model fast = JfrReader.read(jfr, StallGuard.DEFAULT_STALL_NANOS, JfrReader.Parser.FAST, budget);
        Model jdk = JfrReader.read(jfr, StallGuard.DEFAULT_STALL_NANOS, JfrReader.Parser.JDK, budget);
        assertNull(ModelDump.firstDifference(ModelDump.of(jdk), ModelDump.of(fast)), "both parsers, the same prefix");

        assertTrue(fast.partial());
        assertTrue(fast.partialReason().contains("the timeline shows its first "), fast.partialReason());
        assertEquals(whole.eventCount(), fast.eventCount(), "event counts cover it all");
        long cut = fast.end();
        assertTrue(cut > whole.start() && cut < whole.end(), "a prefix");
        assertEquals(cut(whole, cut), spans(fast, Long.MAX_VALUE), "every span that began before the cut, ended by it");
        assertEquals(threads(whole, cut), threads(fast, Long.MAX_VALUE), "every thread that began before the cut");
        assertTrue(charge(fast) <= budget + budget / 10, "within the budget and what compaction may hold on to: "
                + charge(fast) + " of " + budget);
        if (fraction <= 8) {
            // what is given back is a bucket of the histogram at a time; at a 40th (about 300 units) one bucket
            // of a wave's thread starts may hold most of the budget, and the prefix is then shorter than what
            // fits (a few percent of the budget, seen in a full test run). A report's budget is 40,000 units at
            // least.
            assertTrue(charge(fast) > budget / 2, "the prefix fills most of the budget: " + charge(fast) + " of "
                    + budget);
        }
    }

    /**
     * What the model's budget charges for {@code m}: what a reading of it needs to keep it whole; the JVM's own
     * waits that merged into the agent's were charged as they were read.
     */
    private static long charge(Model m) {
        long spans = m.mergedWaits();
        for (ThreadInfo t : m.threads()) {
            spans += t.workloads().size() + t.waits().size() + t.wakes().size() + t.pins().size();
        }
        return m.threads().size() * ModelBuilder.THREAD_BYTES + spans * ModelBuilder.SPAN_BYTES;
    }

    /** The workload spans and waits of {@code m} that began before {@code cut}, ended by it, one line each. */
    private static TreeSet<String> cut(Model m, long cut) {
        return spans(m, cut);
    }

    private static TreeSet<String> spans(Model m, long cut) {
        TreeSet<String> out = new TreeSet<>();
        StringTable s = m.strings();
        for (ThreadInfo t : m.threads()) {
            WorkloadSpans w = t.workloads();
            for (int i = 0; i < w.size(); i++) {
                if (w.start(i) < cut) {
                    out.add(t.id() + " work " + w.start(i) + ".." + Math.min(w.end(i), cut) + " " + s.get(w.method(i)));
                }
            }
            WaitSpans ws = t.waits();
            for (int i = 0; i < ws.size(); i++) {
                if (ws.start(i) < cut) {
                    out.add(t.id() + " wait " + ws.start(i) + ".." + Math.min(ws.end(i), cut) + " " + s.get(ws.kind(i)));
                }
            }
        }
        return out;
    }

    private static TreeSet<Long> threads(Model m, long cut) {
        TreeSet<Long> out = new TreeSet<>();
        for (ThreadInfo t : m.threads()) {
            if (t.start() < cut) {
                out.add(t.id());
            }
        }
        return out;
    }
}
