package dev.weft.agent.weave.advice;

import dev.weft.agent.RecordedEvents;
import dev.weft.boot.Recorder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Layer 1: Weft's advice woven by plain Byte Buddy into a copy of a fixture class, no agent.
 * Proves what the advice records, that it keeps the method's behaviour, and that its own
 * failures are swallowed and counted.
 */
class AdviceWithoutAgentTest {

    public static class Fixture {
        public static String nap(long millis) throws InterruptedException {
            Thread.sleep(millis);
            return "rested";
        }

        public static int work(int x) throws InterruptedException {
            nap(5);
            return x * 2;
        }

        public static int compute(int x) {
            return x + 1;
        }
    }

    /** Advice whose helper throws: the failure path every real advice guards against. */
    public static final class BrokenAdvice {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            Broken.fail();
        }
    }

    public static final class Broken {
        public static void fail() {
            throw new IllegalStateException("advice bug");
        }
    }

    private Class<?> woven;

    @BeforeEach
    void weave() throws Exception {
        woven = new ByteBuddy()
                .redefine(Fixture.class)
                .name(Fixture.class.getName() + "$Woven")
                .visit(advice(SleepAdvice.class).on(named("nap")))
                .visit(advice(WorkloadAdvice.class).on(named("work")))
                .make()
                .load(getClass().getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        Recorder.activate();
    }

    @AfterEach
    void stop() {
        Recorder.deactivate();
    }

    private static Advice advice(Class<?> type) throws NoSuchMethodException {
        return Advice.to(type).withExceptionHandler(dev.weft.agent.weave.InstallerAccess.countingHandler());
    }

    private Object call(String name, Object arg) throws Throwable {
        Method m = null;
        for (Method candidate : woven.getMethods()) {
            if (candidate.getName().equals(name)) {
                m = candidate;
            }
        }
        try {
            return m.invoke(null, arg);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void sleepBecomesOneWaitSpanAndKeepsTheResult() throws Exception {
        Object[] result = new Object[1];
        RecordedEvents rec = RecordedEvents.during(() -> {
            try {
                result[0] = call("nap", 30L);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });
        assertEquals("rested", result[0]);
        List<RecordedEvent> waits = rec.onThisThread("weft.Wait");
        assertEquals(1, waits.size(), waits.toString());
        RecordedEvent w = waits.get(0);
        assertEquals("sleep", w.getString("kind"));
        assertTrue(w.getString("api").endsWith("$Woven.nap"), w.getString("api"));
        assertTrue(w.getDuration().compareTo(Duration.ofMillis(25)) >= 0, w.getDuration().toString());
    }

    @Test
    void workloadSpanCoversTheWaitInsideIt() throws Exception {
        RecordedEvents rec = RecordedEvents.during(() -> {
            try {
                assertEquals(42, call("work", 21));
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });
        List<RecordedEvent> work = rec.onThisThread("weft.Workload");
        List<RecordedEvent> waits = rec.onThisThread("weft.Wait");
        assertEquals(1, work.size());
        assertEquals(1, waits.size());
        assertTrue(work.get(0).getString("method").endsWith("$Woven::work"));
        RecordedEvent wk = work.get(0);
        RecordedEvent wt = waits.get(0);
        assertTrue(!wt.getStartTime().isBefore(wk.getStartTime()) && !wt.getEndTime().isAfter(wk.getEndTime()),
                "the wait lies inside the workload span");
    }

    @Test
    void theMethodsOwnExceptionPassesThroughUnchanged() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call("nap", -1L));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    /**
     * Woven against a Recorder of its own (a fresh copy of the class, so nothing another test
     * swallowed counts here): the count is exact and the first error kept is the advice's own.
     */
    @Test
    void aFailingAdviceIsSwallowedAndCounted() throws Throwable {
        ClassLoader freshRecorder = new FreshRecorderLoader(getClass().getClassLoader());
        Class<?> broken = new ByteBuddy()
                .redefine(Fixture.class)
                .name(Fixture.class.getName() + "$Broken")
                .visit(advice(BrokenAdvice.class).on(named("compute")))
                .make()
                .load(freshRecorder, ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        Class<?> recorder = freshRecorder.loadClass(Recorder.class.getName());
        assertTrue(recorder != Recorder.class, "a copy of its own");
        Method compute = broken.getMethod("compute", int.class);
        assertEquals(2, compute.invoke(null, 1));
        assertEquals(8, compute.invoke(null, 7));
        assertEquals(2L, recorder.getMethod("suppressedCount").invoke(null));
        Throwable first = (Throwable) recorder.getMethod("firstSuppressed").invoke(null);
        assertTrue(first instanceof IllegalStateException && "advice bug".equals(first.getMessage()), String.valueOf(first));
    }

    /** Defines its own {@link Recorder} (and its nested classes) from the same bytes; delegates the rest. */
    private static final class FreshRecorderLoader extends ClassLoader {
        FreshRecorderLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(Recorder.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }

    @Test
    void inactiveRecorderRecordsNothing() throws Exception {
        Recorder.deactivate();
        RecordedEvents rec = RecordedEvents.during(() -> {
            try {
                call("nap", 1L);
                call("work", 1);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });
        assertTrue(rec.onThisThread("weft.Wait").isEmpty());
        assertTrue(rec.onThisThread("weft.Workload").isEmpty());
    }
}
