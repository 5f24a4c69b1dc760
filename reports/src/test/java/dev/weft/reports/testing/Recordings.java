package dev.weft.reports.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jdk.jfr.Recording;

/** Makes small real recordings inside the test JVM. */
public final class Recordings {

    /** The weft event types of {@link WeftEvents}. */
    public static final List<Class<? extends jdk.jfr.Event>> WEFT = List.of(WeftEvents.Workload.class,
            WeftEvents.Wait.class, WeftEvents.Wake.class, WeftEvents.ThreadStart.class,
            WeftEvents.ThreadAliveAtExit.class, WeftEvents.AgentStatus.class, WeftEvents.VirtualThreadBlocked.class,
            WeftEvents.WaitInProgress.class, WeftEvents.WaitSample.class);

    /** Built-in events the report reads, recorded with threshold zero. */
    public static final List<String> BUILT_IN = List.of("jdk.ThreadStart", "jdk.ThreadEnd", "jdk.ThreadSleep",
            "jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter", "jdk.VirtualThreadStart",
            "jdk.VirtualThreadEnd");

    private Recordings() {
    }

    /** Records {@code body} with the weft events (if {@code weft}) and the built-in ones, dumped to {@code file}. */
    public static Path record(Path file, boolean weft, WeftEvents.Body body) throws Exception {
        try (Recording r = new Recording()) {
            if (weft) {
                for (Class<? extends jdk.jfr.Event> type : WEFT) {
                    r.enable(type).withThreshold(Duration.ZERO);
                }
            } else {
                for (Class<? extends jdk.jfr.Event> type : WEFT) {
                    r.disable(type);
                }
            }
            for (String name : BUILT_IN) {
                r.enable(name).withThreshold(Duration.ZERO);
            }
            r.start();
            body.run();
            r.stop();
            r.dump(file);
        }
        return file;
    }
}
