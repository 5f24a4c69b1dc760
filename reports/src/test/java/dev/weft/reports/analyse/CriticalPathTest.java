package dev.weft.reports.analyse;

import static dev.weft.reports.testing.TimedModels.MS;
import static dev.weft.reports.testing.TimedModels.at;
import static dev.weft.reports.testing.TimedModels.recording;
import static dev.weft.reports.testing.TimedModels.started;
import static dev.weft.reports.testing.TimedModels.thread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.analyse.CriticalPath.Link;
import dev.weft.reports.analyse.CriticalPath.Step;
import dev.weft.reports.analyse.CriticalPath.Type;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.ThreadInfo;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The critical path on models with exact times and known answers. */
class CriticalPathTest {

    private static void assertStep(Model m, Step s, long thread, long from, long to, Type type, Link link) {
        assertEquals(m.indexOf(thread), s.thread(), "thread of " + s);
        assertEquals(at(from), s.start(), "start of " + s);
        assertEquals(at(to), s.end(), "end of " + s);
        assertEquals(type, s.type(), "type of " + s);
        assertEquals(link, s.link(), "link of " + s);
    }

    /**
     * main [0, 100]: starts a and b at 10, joins a (ends 40) then b (ends 70), sleeps [80, 90], runs to 100.
     * The path: main to 10, b from its start to its end (the join of b was the last to end), main after.
     */
    @Test
    void throughTheLastJoinedWorkerAndASleep() {
        ModelBuilder b = recording(100);
        ThreadInfo main = thread(b, 1, "main", 0, 100, -1);
        b.workload(main, at(0), at(100), "demo.Scenario::run");
        ThreadInfo a = thread(b, 2, "a", 10, 40, 1);
        ThreadInfo c = thread(b, 3, "b", 10, 70, 1);
        b.workload(a, at(10), at(40), "demo.W::work");
        b.workload(c, at(10), at(70), "demo.W::work");
        b.agentWait(main, at(12), at(41), "join", "Thread.join", null, 0, 2, false);
        b.agentWait(main, at(41), at(71), "join", "Thread.join", null, 0, 3, false);
        b.agentWait(main, at(80), at(90), "sleep", "Thread.sleep", null, 0, -1, true);
        Model m = b.build();
        Analysis an = Analyser.analyse(m);
        List<Step> steps = an.criticalPath().steps();
        assertEquals(5, steps.size(), steps.toString());
        assertStep(m, steps.get(0), 1, 0, 10, Type.RUN, Link.NONE);
        assertStep(m, steps.get(1), 3, 10, 70, Type.RUN, Link.START);
        assertStep(m, steps.get(2), 1, 71, 80, Type.RUN, Link.WAKE);
        assertStep(m, steps.get(3), 1, 80, 90, Type.WAIT, Link.NONE);
        assertStep(m, steps.get(4), 1, 90, 100, Type.RUN, Link.NONE);
        int edge = steps.get(2).wakeEdge();
        assertEquals(m.indexOf(3), an.wakeEdges().waker(edge));
        assertEquals("thread end", an.wakeEdges().how(edge));
        assertEquals(at(0), an.criticalPath().start());
        assertEquals(at(100), an.criticalPath().end());
        assertEquals(10 * MS, an.criticalPath().time(Type.WAIT));
        assertEquals(89 * MS, an.criticalPath().time(Type.RUN),
                "10 + 60 + 9 + 10: the 1 ms between b's end and main's resume is not on it");
    }

    /** A chain of wakes: c wakes b at 30, b wakes main at 50; main ends at 60. */
    @Test
    void followsAChainOfWakes() {
        ModelBuilder b = recording(60);
        ThreadInfo main = started(b, 1, "main", 0, -1);
        ThreadInfo tb = started(b, 2, "b", 0, -1);
        ThreadInfo tc = started(b, 3, "c", 0, -1);
        b.workload(main, at(0), at(60), "x.Y::run");
        b.agentWait(main, at(5), at(50), "latch", "CountDownLatch.await", null, 1, -1, false);
        b.agentWait(tb, at(5), at(30), "lock", "ReentrantLock.lock", null, 2, -1, false);
        b.wake(tc, at(30), 2, 2, "unpark");
        b.wake(tb, at(49), 1, 1, "unpark");
        Model m = b.build();
        List<Step> steps = Analyser.analyse(m).criticalPath().steps();
        assertEquals(3, steps.size(), steps.toString());
        assertStep(m, steps.get(0), 3, 0, 30, Type.RUN, Link.NONE);
        assertStep(m, steps.get(1), 2, 30, 49, Type.RUN, Link.WAKE);
        assertStep(m, steps.get(2), 1, 50, 60, Type.RUN, Link.WAKE);
    }

    /** Two threads that each claim to have woken the other cannot make the walk loop. */
    @Test
    void endsOnCyclicWakes() {
        ModelBuilder b = recording(20);
        ThreadInfo main = b.thread(1, "main", false);
        ThreadInfo other = b.thread(2, "other", false);
        b.agentWait(main, at(5), at(10), "park", "LockSupport.park", null, 0, -1, false);
        b.agentWait(other, at(5), at(10), "park", "LockSupport.park", null, 0, -1, false);
        b.wake(other, at(9), 1, 0, "unpark");
        b.wake(main, at(9), 2, 0, "unpark");
        b.workload(main, at(0), at(20), "x.Y::run");
        Model m = b.build();
        CriticalPath p = Analyser.analyse(m).criticalPath();
        assertTrue(p.steps().size() <= 6, p.steps().toString());
        assertEquals(at(20), p.end());
        for (int i = 1; i < p.steps().size(); i++) {
            assertTrue(p.steps().get(i - 1).end() <= p.steps().get(i).start() + 1, "in time order: " + p.steps());
        }
    }

    @Test
    void emptyWithoutApplicationThreads() {
        assertTrue(Analyser.analyse(new ModelBuilder(null).build()).criticalPath().steps().isEmpty());
    }
}
