package dev.weft.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.read.EventView.ThreadRef;

import org.junit.jupiter.api.Test;

/**
 * The mapper asks the model again for a thread the budget left out, at each of its events: an event
 * that began before the cut must move the cut back before it (or win the thread a place), or the model
 * would miss something that began before its end.
 */
class EventMapperBudgetTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void aLeftOutThreadsEventThatBeganBeforeTheCutMovesItBack() {
        ModelBuilder builder = new ModelBuilder(null);
        builder.heapBudget(ModelBuilder.THREAD_BYTES + 14 * ModelBuilder.SPAN_BYTES);
        EventMapper mapper = new EventMapper(builder);
        ThreadRef main = new ThreadRef(1, "main", false, "main");
        ThreadRef late = new ThreadRef(2, "late", false, "main");
        for (int ms = 0; ms < 14; ms++) {
            mapper.accept(EventFields.WORKLOAD, "weft.Workload", new Span(main, ms, ms + 0.5));
        }
        // the other thread's buffer: the inner wait is committed first, the call around it, which began
        // earlier, after it
        mapper.accept(EventFields.WAIT, "weft.Wait", new Span(late, 15, 16));
        mapper.accept(EventFields.WORKLOAD, "weft.Workload", new Span(late, 12, 17));
        Model m = builder.build();

        assertTrue(m.end() <= T0 + 12 * MS, "the call at 12 ms was left out: the timeline ends by then, at "
                + (m.end() - T0) / 1e6 + " ms");
        assertEquals(1, m.threads().size());
        assertEquals(12, m.threads().get(0).workloads().size(), "main's spans before it, all of them");
        assertTrue(m.partialReason().contains("; 4 spans and wakes and 1 threads after that were left out"),
                "main's two past the cut, and both of the thread left out: " + m.partialReason());
    }

    /** A span of the agent's on {@code thread}, from {@code from} to {@code to} milliseconds. */
    private record Span(ThreadRef thread, double from, double to) implements EventView {

        @Override
        public long start() {
            return T0 + Math.round(from * MS);
        }

        @Override
        public long end() {
            return T0 + Math.round(to * MS);
        }

        @Override
        public boolean has(int field) {
            return field == EventFields.EVENT_THREAD || field == EventFields.METHOD || field == EventFields.KIND;
        }

        @Override
        public String string(int field) {
            return field == EventFields.METHOD ? "a.B::c" : field == EventFields.KIND ? "sleep" : null;
        }

        @Override
        public long number(int field, long fallback) {
            return fallback;
        }

        @Override
        public boolean bool(int field) {
            return false;
        }

        @Override
        public long timestamp(int field) {
            return Long.MIN_VALUE;
        }

        @Override
        public ThreadRef thread(int field) {
            return field == EventFields.EVENT_THREAD ? thread : null;
        }

        @Override
        public String className(int field) {
            return null;
        }

        @Override
        public String stack() {
            return null;
        }

        @Override
        public String pinStack() {
            return null;
        }
    }
}
