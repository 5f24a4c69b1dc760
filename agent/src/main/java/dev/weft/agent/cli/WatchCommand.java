package dev.weft.agent.cli;

import dev.weft.agent.Limits;
import dev.weft.agent.control.AttachProtocol;
import dev.weft.agent.control.SessionMarker;
import dev.weft.reports.live.LivePage;
import dev.weft.reports.live.LiveSource;
import dev.weft.reports.live.LiveText;
import dev.weft.reports.live.LiveView;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code watch <pid>}: follows a running JVM live. It starts Weft there if it does not record yet,
 * then reads JFR's repository of that JVM as it is written (the same model the reports build, over a
 * sliding window) and shows it: a page on the loopback interface, a table in the terminal, or one JSON
 * object per second. The watcher is its own process: the JVM pays only for its recording. Ctrl-C ends
 * the watch and leaves the JVM running; a recording this watch started is stopped there, as
 * {@code stop} would, so that none is left behind.
 */
final class WatchCommand extends CliCommand {

    static final long DEFAULT_WINDOW_MILLIS = 60_000;

    private enum Mode { PAGE, TEXT, JSON_LINES }

    WatchCommand() {
        super("watch", "<pid> [--text | --json-lines] [--window=60s] [option...]",
                "watch it live: who runs, who is blocked on what and for how long");
    }

    @Override
    String description() {
        return """
                Watches the JVM with process id <pid> live, about one to two seconds behind. If Weft does not
                record there yet, it is started (with the agent options given) and stopped again when the watch
                ends, writing its .jfr and report as 'stop' does. Ctrl-C ends the watch; the JVM runs on.

                  (default)      serves a live timeline on this machine's loopback interface and prints its
                                 address, with a token every request needs: [weft] live: http://127.0.0.1:PORT/?token=…
                  --text         a table in the terminal, redrawn every second: running, blocked (by kind) and
                                 idle threads, and the longest-blocked ones with what they wait on
                  --json-lines   one JSON object per second on standard output:
                                 {"t": ms since the watch began, "threads": {"running": n, "blocked": n, "idle": n},
                                  "blocked": [{"thread": name, "kind": kind, "forMs": ms, "on": class, "api": method}, …],
                                  "behindMs": ms, "sampled": true}
                  --window=T     how much time the view holds (default 60s); the watcher's memory is bounded by it

                Given no heap option (-Xmx…), the command watches in a child JVM with -Xmx256m; Ctrl-C reaches it.
                """;
    }

    @Override
    String exitCodes() {
        return """
                0 the watch ended (Ctrl-C, or the JVM exited), 1 no such JVM, attach refused or the
                JVM's recording could not be followed, 2 wrong usage.""";
    }

    @Override
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        long pid = pid(args);
        Mode mode = Mode.PAGE;
        long window = DEFAULT_WINDOW_MILLIS;
        List<String> options = new ArrayList<>();
        for (String a : args.subList(1, args.size())) {
            if (a.equals("--text") || a.equals("--json-lines")) {
                if (mode != Mode.PAGE) {
                    throw new UsageException("--text and --json-lines exclude each other", this);
                }
                mode = a.equals("--text") ? Mode.TEXT : Mode.JSON_LINES;
            } else if (a.startsWith("--window=")) {
                window = Limits.parseMillis(a.substring("--window=".length()));
                if (window < 5_000) {
                    throw new UsageException("--window takes a time of 5s or more, e.g. --window=60s, not '" + a + "'", this);
                }
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option '" + a + "'", this);
            } else {
                options.add(a);
            }
        }
        String agentOptions = new AttachCommand().agentOptions(options);
        ProcessHandle target = TargetJvm.find(pid);
        if (!WatcherHeap.watchHere()) {
            return WatcherHeap.relaunch(args);
        }
        Properties props = TargetJvm.properties(pid);
        boolean startedHere = false;
        if (props.getProperty(SessionMarker.PROPERTY) == null) {
            say(TargetJvm.ask(pid, AttachProtocol.Action.START, agentOptions).lines(), err);
            err.println(AgentCli.PREFIX + "Weft started by this watch: it stops there when the watch ends");
            startedHere = true;
            props = TargetJvm.properties(pid);
        } else if (!agentOptions.isEmpty()) {
            err.println(AgentCli.PREFIX + "Weft already records in JVM " + pid + ": the options given are not used");
        }
        String repository = props.getProperty("jdk.jfr.repository");
        if (repository == null || repository.isEmpty()) {
            throw new CommandFailure("JVM " + pid + " has no JFR repository on disk to follow");
        }
        String title = "JVM " + pid + " (" + mainOf(pid) + ")";
        return follow(new Watch(pid, target, startedHere, title, Path.of(repository), Duration.ofMillis(window),
                new AtomicBoolean()), mode, out, err);
    }

    /** What one watch follows. */
    private record Watch(long pid, ProcessHandle target, boolean startedHere, String title, Path repository,
                         Duration window, AtomicBoolean ending) { }

    private int follow(Watch w, Mode mode, PrintStream out, PrintStream err) throws CommandFailure {
        LivePage page = null;
        LiveSource source = null;
        Thread cleanUp = null;
        try {
            if (mode == Mode.PAGE) {
                page = LivePage.start(w.title(), () -> String.join("; ",
                        SnapshotCommand.take(w.pid(), SnapshotCommand.defaultOutput(w.pid())).subList(1, 2)));
            }
            source = LiveSource.start(w.repository(), w.window(), listener(mode, page, w.title(), out, err));
            LivePage shownPage = page;
            LiveSource started = source;
            cleanUp = new Thread(() -> end(w, started, shownPage, err), "weft-watch-end");
            Runtime.getRuntime().addShutdownHook(cleanUp); // Ctrl-C
            if (page != null) {
                out.println(AgentCli.PREFIX + "live: " + page.url());
                out.flush();
                err.println(AgentCli.PREFIX + "Ctrl-C ends the watch; JVM " + w.pid() + " runs on");
            }
            while (w.target().isAlive() && !WatcherHeap.parentGone() && !source.awaitEnd(500, TimeUnit.MILLISECONDS)) {
                // the JVM runs and the stream follows it: the watch goes on until Ctrl-C
            }
            if (WatcherHeap.parentGone()) {
                err.println(AgentCli.PREFIX + "the watch's own command ended; the watch ends");
                return 0;
            }
            if (exited(w.target(), w.pid(), err)) {
                err.println(AgentCli.PREFIX + "JVM " + w.pid() + " exited; the watch ends");
                return 0;
            }
            if (w.ending().get()) {
                return 0; // Ctrl-C: the hook ended the stream
            }
            Throwable failure = source.failure();
            throw new CommandFailure("the recording of JVM " + w.pid() + " could not be followed: "
                    + (failure == null ? "the stream ended" : AgentCli.oneLine(String.valueOf(failure))));
        } catch (IOException e) {
            throw new CommandFailure("cannot follow the recording of JVM " + w.pid() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            if (cleanUp == null || removeHook(cleanUp)) {
                end(w, source, page, err); // else the JVM is exiting (Ctrl-C) and the hook ends the watch
            }
        }
    }

    /**
     * Whether the JVM exited. A stream that ended may have seen its repository go first, while the JVM still
     * writes its exit report (within {@code reporttimeout=}, 20 s by default): give the exit that long and more.
     */
    private static boolean exited(ProcessHandle target, long pid, PrintStream err) throws InterruptedException {
        try {
            try {
                target.onExit().get(1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                err.println(AgentCli.PREFIX + "the recording of JVM " + pid + " ended; waiting up to "
                        + EXIT_GRACE_SECONDS + " s for the JVM to exit (it may be writing its report)");
                target.onExit().get(EXIT_GRACE_SECONDS - 1, TimeUnit.SECONDS);
            }
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !target.isAlive();
        }
    }

    private static final long EXIT_GRACE_SECONDS = 30;

    private static boolean removeHook(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return false; // the JVM is exiting: the hook does it
        }
    }

    /** Ends the watch: the page and the stream close; a recording this watch started is stopped. */
    private static void end(Watch w, LiveSource source, LivePage page, PrintStream err) {
        if (w.ending().getAndSet(true)) {
            return;
        }
        if (page != null) {
            page.close();
        }
        if (source != null) {
            source.close();
        }
        if (w.startedHere() && w.target().isAlive()) {
            try {
                say(TargetJvm.ask(w.pid(), AttachProtocol.Action.STOP, "").lines(), err);
            } catch (CommandFailure e) {
                err.println(AgentCli.PREFIX + "could not stop the recording this watch started: " + e.getMessage()
                        + "; stop it with: " + AgentCli.PROGRAM + " stop " + w.pid());
            }
        }
        err.flush();
    }

    private static Consumer<LiveView> listener(Mode mode, LivePage page, String title, PrintStream out,
                                               PrintStream err) {
        boolean terminal = System.console() != null;
        boolean[] failed = {false};
        return view -> {
            try {
                switch (mode) {
                    case PAGE -> page.show(view);
                    case JSON_LINES -> out.println(view.state().toJsonLine(100));
                    case TEXT -> out.print((terminal ? "\033[H\033[2J" : "\n") + LiveText.render(view, title));
                }
                out.flush();
            } catch (RuntimeException e) {
                if (!failed[0]) {
                    failed[0] = true; // said once: the next second may work again
                    err.println(AgentCli.PREFIX + "could not show the live view: " + AgentCli.oneLine(String.valueOf(e)));
                }
            }
        };
    }

    private static String mainOf(long pid) {
        return JavaProcesses.find().stream().filter(j -> j.pid() == pid).map(JavaProcesses.Jvm::main).findFirst()
                .orElse("?");
    }
}
