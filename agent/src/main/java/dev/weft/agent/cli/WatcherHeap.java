package dev.weft.agent.cli;

import dev.weft.agent.JavaCommand;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The watcher's own memory. Its live set is bounded by the window (at most 200,000 spans, 100–120 MB
 * after a GC), but the heap around it is the JVM's to choose: with the default maximum (a quarter of
 * the machine's memory) G1 kept growing it, 0.9 to 1.5 GB of RSS over four minutes of a busy server on
 * a 24 GB machine, where -Xmx256m held 380 MB for ten (bench/RESULTS.md). So {@code java -jar agent.jar
 * watch} given no heap option runs the watch in a child JVM with {@link #HEAP}, its standard streams
 * this one's; a heap the user chose is kept as it is.
 */
final class WatcherHeap {

    /** What {@code ./weft watch} gives the watcher too. */
    static final String HEAP = "-Xmx256m";
    /** Names the watch's parent in the child: the child ends its watch when the parent is gone. */
    static final String PARENT_PROPERTY = "weft.watch.parent";
    /** How long the parent, told to end, waits for the child to stop a recording it started and say so. */
    private static final long END_SECONDS = 90;

    private WatcherHeap() { }

    /** Whether the heap of this JVM was set on its command line (or in {@code JAVA_TOOL_OPTIONS}). */
    static boolean chosen(List<String> jvmArguments) {
        for (String a : jvmArguments) {
            if (a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize=") || a.startsWith("-XX:MaxRAM")
                    || a.startsWith("-XX:SoftMaxHeapSize=")) {
                return true;
            }
        }
        return false;
    }

    /** Whether this JVM should watch itself: its heap was chosen, or it is the child of {@link #relaunch}. */
    static boolean watchHere() {
        return System.getProperty(PARENT_PROPERTY) != null
                || chosen(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The parent that started this watcher, if it is one's child and the parent is gone. */
    static boolean parentGone() {
        String parent = System.getProperty(PARENT_PROPERTY);
        if (parent == null) {
            return false;
        }
        try {
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(parent));
            return p.isEmpty() || !p.get().isAlive();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Runs {@code watch args} in a child JVM with {@link #HEAP} and returns its exit code. Told to end
     * (Ctrl-C, SIGTERM), this JVM passes it on and waits for the child, bounded; should it be killed,
     * the child sees its parent gone and ends its watch itself.
     */
    static int relaunch(List<String> args) throws CommandFailure {
        List<String> cmd = new ArrayList<>();
        cmd.add(JavaCommand.javaBinary().toString());
        cmd.add(HEAP);
        cmd.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        cmd.add("-cp");
        try {
            cmd.add(JavaCommand.classPath(AgentCli.class, dev.weft.reports.Reports.class));
        } catch (IOException e) {
            throw new CommandFailure("cannot start the watcher's JVM: " + e.getMessage());
        }
        cmd.add(AgentCli.class.getName());
        cmd.add("watch");
        cmd.addAll(args);
        Process child;
        try {
            child = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            throw new CommandFailure("cannot start the watcher's JVM: " + e.getMessage());
        }
        Thread passOn = new Thread(() -> {
            child.destroy(); // SIGTERM: the child's own hook ends the watch
            try {
                if (!child.waitFor(END_SECONDS, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, "weft-watch-parent");
        Runtime.getRuntime().addShutdownHook(passOn);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(passOn);
            } catch (IllegalStateException exiting) {
                // the JVM is exiting: the hook passes the signal on
            }
        }
    }
}
