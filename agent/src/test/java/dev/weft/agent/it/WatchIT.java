package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code java -jar agent.jar watch <pid>} against a live JVM with known waits: a sleep, a lock wait and a
 * monitor wait show up within a few seconds of their beginning and disappear once they ended; ending the
 * watch leaves the JVM running and stops the recording the watch started. The waits last until the test
 * ends them, so a slow watcher fails on its delay, not on a wait it never saw.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class WatchIT {

    /**
     * How late a wait may show. The watch runs about 1 s behind (bench/RESULTS.md; this test prints its
     * delays); the bound leaves room for a busy CI machine and still fails a watch that is not live, since the
     * waits last until the test ends them.
     */
    private static final long MAX_DELAY_MILLIS = 10_000;

    @TempDir
    java.nio.file.Path out;

    /**
     * The JVM and the watcher on each JDK Weft supports: on 17, where a sleep is native code out of the
     * advice's reach, the wait sample finds it from the thread's state.
     */
    @ParameterizedTest
    @MethodSource("dev.weft.testkit.Jdks#required")
    void jsonLinesShowASleepALockAndAMonitorWaitWhileTheyLastAndSeeThemEnd(Jdk jdk) throws Exception {
        try (LiveJvm app = LiveJvm.start(jdk, out, List.of("-XX:+EnableDynamicAgentLoading"));
             WatchProcess watch = WatchProcess.start(jdk, out, Long.toString(app.pid()), "--json-lines", "out=" + out)) {
            WatchProcess.Line first = watch.next(l -> l.startsWith("{\"t\":"), 120);
            assertEquals(List.of("-Xmx256m"), watch.watcherHeap(),
                    "given no heap, the command watches in a child JVM with a bounded one");
            assertTrue(first.text().matches("\\{\"t\":\\d+,\"threads\":\\{\"running\":\\d+,\"blocked\":\\d+,\"idle\":\\d+},"
                    + "\"blocked\":\\[.*],\"behindMs\":\\d+,\"sampled\":true}"), first.text());

            app.scene();
            long began = System.nanoTime(); // the waits began before this: the delays below are upper bounds
            WatchProcess.Line sleep = watch.next(l -> blocked(l, "live-sleeper", "sleep") >= 0, 30);
            WatchProcess.Line lock = sleep.text().contains("\"live-lock-waiter\"") ? sleep
                    : watch.next(l -> blocked(l, "live-lock-waiter", "lock") >= 0, 30);
            long sleepDelay = (sleep.nanos() - began) / 1_000_000;
            long lockDelay = (lock.nanos() - began) / 1_000_000;
            System.out.printf("watch --json-lines on %s: the sleep showed %d ms and the lock wait %d ms after they began%n",
                    jdk, sleepDelay, lockDelay);
            assertTrue(sleepDelay <= MAX_DELAY_MILLIS, "the sleep showed after " + sleepDelay + " ms: " + sleep.text());
            assertTrue(lockDelay <= MAX_DELAY_MILLIS, "the lock wait showed after " + lockDelay + " ms: " + lock.text());
            assertTrue(blocked(lock.text(), "live-lock-waiter", "lock") < MAX_DELAY_MILLIS, "blocked so far: " + lock.text());

            // Object.wait is the advice's "monitor" from 21 on; on 17 it is native and the sample names it as the
            // JVM's own event will when it ends
            String monitorKind = jdk.feature() >= 21 ? "monitor" : "monitor-wait";
            WatchProcess.Line monitor = blocked(lock.text(), "live-monitor-waiter", monitorKind) >= 0 ? lock
                    : watch.next(l -> blocked(l, "live-monitor-waiter", monitorKind) >= 0, 30);
            long monitorDelay = (monitor.nanos() - began) / 1_000_000;
            assertTrue(monitorDelay <= MAX_DELAY_MILLIS, "the monitor wait showed after " + monitorDelay + " ms: "
                    + monitor.text());

            WatchProcess.Line longLock = blocked(lock.text(), "live-lock-waiter", "lock") >= 1_000 ? lock
                    : watch.next(l -> blocked(l, "live-lock-waiter", "lock") >= 1_000, 30);
            assertTrue(longLock.text().contains("\"on\":\"java.util.concurrent.locks.ReentrantLock\""),
                    "what it waits on: " + longLock.text());
            app.endScene();
            WatchProcess.Line ended = watch.next(l -> !l.contains("\"live-sleeper\"") && !l.contains("\"live-lock-waiter\"")
                    && !l.contains("\"live-monitor-waiter\""), 30);
            assertTrue(ended.text().startsWith("{\"t\":"), ended.text());

            assertEquals(143, watch.interrupt(), "ended by the signal: " + watch.stderr());
            String err = watch.stderr();
            assertTrue(err.contains("[weft] Weft started by this watch: it stops there when the watch ends"), err);
            assertTrue(err.contains("[weft] report: "), "the recording the watch started was stopped: " + err);
            assertTrue(app.isAlive(), "the JVM runs on");
            ChildProcess.Result list = AgentCliRun.run(jdk, ForkedJvm.AGENT_JAR, List.of(), "list");
            assertTrue(list.out().stream().anyMatch(l -> l.startsWith(app.pid() + " ") && l.contains(" - ")),
                    "no recording left behind: " + list);
            assertEquals(0, app.exit(0));
        }
    }

    @Test
    void aWatchOfARecordingItDidNotStartLeavesItRecordingAndEndsWithTheJvm() throws Exception {
        try (LiveJvm app = LiveJvm.start(out, List.of("-javaagent:" + ForkedJvm.AGENT_JAR + "=out=" + out));
             WatchProcess watch = WatchProcess.start(out, Long.toString(app.pid()), "--text", "--window=10s")) {
            WatchProcess.Line header = watch.next(l -> l.startsWith("JVM " + app.pid() + " ("), 120);
            assertTrue(header.text().contains("window 10.0 s"), header.text());
            watch.next(l -> l.matches("threads: \\d+ running, \\d+ blocked.*, \\d+ idle"), 30);
            app.scene();
            WatchProcess.Line row = watch.next(l -> l.contains("live-sleeper"), 30);
            assertTrue(row.text().matches("\\s+[0-9.]+ m?s\\s+live-sleeper\\s+sleep\\s+.*"), row.text());

            assertEquals(0, app.exit(0));
            assertEquals(0, watch.awaitExit(60), "the JVM exited: the watch ends by itself");
            String err = watch.stderr();
            assertTrue(err.contains("[weft] JVM " + app.pid() + " exited; the watch ends"), err);
            assertFalse(err.contains("Weft started by this watch"), err);
        }
    }

    /** The command killed (no hook runs in it): its child JVM ends the watch and stops the recording it started. */
    @Test
    void whenTheCommandIsKilledItsWatcherEndsTheWatchAndLeavesNoRecording() throws Exception {
        try (LiveJvm app = LiveJvm.start(out, List.of("-XX:+EnableDynamicAgentLoading"));
             WatchProcess watch = WatchProcess.start(out, Long.toString(app.pid()), "--json-lines", "out=" + out)) {
            watch.next(l -> l.startsWith("{\"t\":"), 120);
            ProcessHandle watcher = watch.watcher();
            watch.kill();
            assertTrue(watcher.onExit().get(120, TimeUnit.SECONDS) != null, "the watcher ended");
            assertTrue(watch.stderr().contains("[weft] the watch's own command ended; the watch ends"), watch.stderr());
            assertTrue(watch.stderr().contains("[weft] report: "), "the recording the watch started was stopped: "
                    + watch.stderr());
            ChildProcess.Result list = AgentCliRun.run("list");
            assertTrue(list.out().stream().anyMatch(l -> l.startsWith(app.pid() + " ") && l.contains(" - ")),
                    "no recording left behind: " + list);
            assertEquals(0, app.exit(0));
        }
    }

    private static final Pattern ENTRY = Pattern.compile("\\{\"thread\":\"([^\"]*)\",\"kind\":\"([^\"]*)\",\"forMs\":(\\d+)");

    /** How long {@code thread} has been blocked in {@code kind} according to the line, or -1 when it is not listed. */
    private static long blocked(String line, String thread, String kind) {
        Matcher m = ENTRY.matcher(line);
        while (m.find()) {
            if (m.group(1).equals(thread) && m.group(2).equals(kind)) {
                return Long.parseLong(m.group(3));
            }
        }
        return -1;
    }
}
