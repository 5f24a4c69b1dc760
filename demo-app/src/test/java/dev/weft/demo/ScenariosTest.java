package dev.weft.demo;

import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// The workloads last a few ms, so that a scenario that forgot to wait would be caught returning before
// them; no assertion is about time.
@Timeout(60)
class ScenariosTest {

    private final RecordingObserver recorded = new RecordingObserver();

    @AfterEach
    void stopObserving() {
        Workloads.observe(Workloads.WorkloadObserver.NONE);
    }

    /** Every one of {@code n} workloads started and finished before run returned, each on a thread no other used. */
    private void assertEachWorkloadFinishedOnAThreadOfItsOwn(int n) {
        assertEquals(n, recorded.finished.sum(), "run returned before every workload finished");
        assertEquals(n, recorded.started.sum());
        assertEquals(n, recorded.threads.size(), "workloads shared threads");
    }

    @Test
    void sequentialRunsEveryWorkloadInLineOnTheCallingThread() throws InterruptedException {
        Workloads.observe(recorded);
        Scenario01Sequential.run(Options.parse("--sequential=4", "--millis=5"));
        assertEquals(4, recorded.started.sum());
        assertEquals(4, recorded.finished.sum());
        assertEquals(Set.of(Thread.currentThread()), recorded.threads);
    }

    @Test
    void concurrentRunsOneWorkloadPerWorkerThreadAndWaitsForAll() throws InterruptedException {
        Workloads.observe(recorded);
        Scenario02Concurrent.run(Options.parse("--tasks=5", "--millis=20"));
        assertEachWorkloadFinishedOnAThreadOfItsOwn(5);
        Set<String> names = recorded.threads.stream().map(Thread::getName).collect(toSet());
        assertEquals(IntStream.rangeClosed(1, 5).mapToObj(i -> "worker-" + i).collect(toSet()), names);
        assertTrue(recorded.threads.stream().noneMatch(Thread::isVirtual));
        assertFalse(recorded.threads.contains(Thread.currentThread()));
    }

    @Test
    void virtualThreadsRunOneWorkloadPerVirtualThreadAndWaitForAll() throws InterruptedException {
        Workloads.observe(recorded);
        Scenario04VirtualThreads.run(Options.parse("--virtual=500", "--virtual-millis=10"));
        assertEachWorkloadFinishedOnAThreadOfItsOwn(500);
        assertTrue(recorded.threads.stream().allMatch(Thread::isVirtual));
    }

    @Test
    void virtualThreadsAlsoRunCpuWork() throws InterruptedException {
        Workloads.observe(recorded);
        Scenario04VirtualThreads.run(Options.parse("--virtual=20", "--virtual-millis=1", "--work=cpu"));
        assertEquals(20, recorded.finished.sum());
    }

    @Test
    void forgottenWaitReturnsWhileItsDaemonThreadsStillWork() throws InterruptedException {
        var allStarted = new CountDownLatch(3);
        var release = new CountDownLatch(1);
        Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // Holds every workload at its start, so the threads are certainly still working when checked.
        Workloads.observe(new Workloads.WorkloadObserver() {
            @Override
            public void started() {
                threads.add(Thread.currentThread());
                allStarted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            Scenario03ForgottenWait.run(Options.parse("--tasks=3", "--millis=1"));
            // run returned although no workload can finish before release: it did not wait for them.
            assertTrue(allStarted.await(30, TimeUnit.SECONDS), "the forgotten workloads never started");
            assertEquals(3, threads.size());
            for (Thread thread : threads) {
                assertTrue(thread.isAlive(), thread + " is not alive");
                assertTrue(thread.isDaemon(), thread + " is not a daemon: it would keep the JVM alive");
            }
            assertEquals(Set.of("forgotten-1", "forgotten-2", "forgotten-3"),
                    threads.stream().map(Thread::getName).collect(toSet()));
        } finally {
            release.countDown(); // then leave them be: daemons die with the test JVM
        }
    }

    @Test
    void forgottenWorkloadsOutlastAnyExit() {
        assertEquals(Scenario03ForgottenWait.MIN_MILLIS, Scenario03ForgottenWait.workloadMillis(Options.parse("--millis=1")));
        assertEquals(5_000, Scenario03ForgottenWait.workloadMillis(Options.parse("--millis=5000")));
    }

    @Test
    void allRunsTheScenariosInTheOrder1243() {
        assertEquals(List.of(1, 2, 4, 3), Lesson.selectedBy("all").stream().map(l -> l.number).toList());
        for (int n = 1; n <= 4; n++) {
            assertEquals(n, Lesson.selectedBy(String.valueOf(n)).getFirst().number);
        }
    }

    /**
     * The jar's {@code Weft-Workload} manifest attribute (the build hands the tests the same pom property)
     * names the demo's real code: the workload method, and an annotation every scenario's run carries. A
     * rename on either side that forgets the other fails here, not only in the agent's report.
     */
    @Test
    void theManifestsWorkloadFilterNamesTheDemosCode() throws Exception {
        String filter = System.getProperty("weft.demo.workload");
        assertNotNull(filter, "the build sets weft.demo.workload, the manifest's Weft-Workload");
        List<String> entries = List.of(filter.split(";"));
        assertEquals(2, entries.size(), filter);
        for (String entry : entries) {
            if (entry.startsWith("@")) {
                Class<?> annotation = Class.forName(entry.substring(1));
                assertTrue(annotation.isAnnotation(), entry);
                List<Class<?>> scenarios = List.of(Scenario01Sequential.class, Scenario02Concurrent.class,
                        Scenario03ForgottenWait.class, Scenario04VirtualThreads.class);
                assertEquals(Lesson.values().length, scenarios.size(), "a scenario not checked here");
                for (Class<?> type : scenarios) {
                    @SuppressWarnings("unchecked")
                    Class<? extends java.lang.annotation.Annotation> a = (Class<? extends java.lang.annotation.Annotation>) annotation;
                    assertTrue(type.getMethod("run", Options.class).isAnnotationPresent(a),
                            type.getSimpleName() + ".run lacks " + entry);
                }
            } else {
                String[] parts = entry.split("::");
                Class<?> type = Class.forName(parts[0]);
                List<Method> named = java.util.Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> m.getName().equals(parts[1])).toList();
                assertEquals(1, named.size(), entry + " names one method");
                assertTrue(java.lang.reflect.Modifier.isStatic(named.get(0).getModifiers()), entry);
            }
        }
    }
}
