package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void defaultsWhenNoOptions() {
        AgentOptions o = AgentOptions.parse(null);
        assertEquals(Path.of("weft-out"), o.outDir());
        assertNull(o.workload());
        assertTrue(o.html());
        assertFalse(o.stacks());
        assertFalse(o.help());
        assertEquals(250L << 20, o.maxSize(), "JFR's own default for a disk recording");
        assertEquals(0, o.maxAgeMillis());
        assertEquals(20_000, o.reportTimeoutMillis());
        assertEquals(48L << 20, o.reportHeap());
        assertTrue(o.problems().isEmpty());
    }

    @Test
    void limitsTakeUnitsAndNone() {
        AgentOptions o = AgentOptions.parse("maxsize=2g,maxage=12h,reporttimeout=45s,reportheap=1g");
        assertEquals(1L << 30, o.reportHeap());
        assertEquals(2L << 30, o.maxSize());
        assertEquals(12 * 3_600_000L, o.maxAgeMillis());
        assertEquals(45_000, o.reportTimeoutMillis());
        AgentOptions none = AgentOptions.parse("maxsize=none,maxage=none,reporttimeout=0");
        assertEquals(0, none.maxSize());
        assertEquals(0, none.maxAgeMillis());
        assertEquals(0, none.reportTimeoutMillis());
        assertEquals(512L << 10, AgentOptions.parse("maxsize=512KB").maxSize());
        assertEquals(30 * 60_000L, AgentOptions.parse("maxage=30min").maxAgeMillis());
        assertEquals(7 * 86_400_000L, AgentOptions.parse("maxage=7d").maxAgeMillis());
        assertEquals(1234, AgentOptions.parse("maxsize=1234").maxSize());
    }

    @Test
    void badLimitsKeepTheDefaults() {
        AgentOptions o = AgentOptions.parse("maxsize=lots,maxage=-1h,reporttimeout=soon,reportheap=1m");
        assertEquals(4, o.problems().size(), o.problems().toString());
        assertEquals(AgentOptions.DEFAULT_REPORT_HEAP, o.reportHeap(), "1m is too small to run a JVM");
        assertTrue(o.problems().get(0).contains("'maxsize' takes 250m, 2g or none, not 'lots'"), o.problems().get(0));
        assertEquals(AgentOptions.DEFAULT_MAX_SIZE, o.maxSize());
        assertEquals(0, o.maxAgeMillis());
        assertEquals(AgentOptions.DEFAULT_REPORT_TIMEOUT_MILLIS, o.reportTimeoutMillis());
    }

    @Test
    void readsEveryOption() {
        AgentOptions o = AgentOptions.parse("out=/tmp/w,workload=a.B::c;@d.E,report=none,stacks=true,verbose,help");
        assertEquals(Path.of("/tmp/w"), o.outDir());
        assertEquals("a.B::c;@d.E", o.workload());
        assertFalse(o.html());
        assertTrue(o.stacks());
        assertTrue(o.verbose());
        assertTrue(o.help());
        assertTrue(o.problems().isEmpty(), o.problems().toString());
    }

    @Test
    void badOptionsBecomeOneLineEachAndAreIgnored() {
        AgentOptions o = AgentOptions.parse("colour=blue,report=pdf,stacks=maybe,out=,workload=");
        assertEquals(5, o.problems().size(), o.problems().toString());
        assertTrue(o.problems().get(0).contains("unknown option 'colour'"));
        assertTrue(o.problems().get(1).contains("report"));
        assertTrue(o.html(), "a bad value keeps the default");
        assertFalse(o.stacks());
        assertEquals(Path.of("weft-out"), o.outDir());
        o.problems().forEach(p -> assertFalse(p.contains("\n"), p));
    }

    @Test
    void phasesNameTheirMethodsAndEveryEchoOfInputIsCut() {
        AgentOptions o = AgentOptions.parse("phases=com.example.Handler::handle");
        assertEquals("com.example.Handler::handle", o.phases());
        String longKey = "x".repeat(10_000);
        AgentOptions bad = AgentOptions.parse(longKey + "=1,report=" + "y".repeat(5_000) + ",stacks=\u0007maybe");
        assertEquals(3, bad.problems().size(), bad.problems().toString());
        for (String problem : bad.problems()) {
            assertTrue(problem.length() < 160, "cut to a sane length: " + problem.length());
            assertFalse(problem.contains("\u0007"), "no control characters echoed");
        }
    }
}
