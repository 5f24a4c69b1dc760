package dev.weft.agent.control;

import dev.weft.agent.AgentOptions;
import dev.weft.agent.Console;
import dev.weft.agent.start.AgentStarter;
import dev.weft.agent.start.BootBridge;
import dev.weft.boot.AgentThread;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code agentmain}: a start, stop or snapshot asked for by {@code java -jar agent.jar attach|stop|snapshot}, done
 * on a thread of Weft's own and answered in the reply file the command waits for
 * ({@link AttachProtocol}). An argument without a reply file is a plain {@code loadAgent}: it
 * starts Weft at once, exactly as {@code -javaagent} would.
 */
public final class AgentControl {

    private AgentControl() { }

    public static void agentmain(String args, Instrumentation inst) {
        AttachProtocol.Request request = AttachProtocol.parse(args);
        if (request == null) {
            AgentStarter.start(args, inst);
            return;
        }
        try {
            // free the target's Attach Listener at once; the command bounds its wait for the reply
            BootBridge.appendIfMissing(inst);
            Thread worker = AgentThread.create(() -> answer(request, inst), "weft-control");
            worker.setDaemon(true);
            worker.start();
        } catch (Throwable t) {
            Console.line("cannot answer the agent.jar command: " + t);
        }
    }

    /** One command at a time, so that "already recording" is decided and acted on at once. */
    private static synchronized void answer(AttachProtocol.Request request, Instrumentation inst) {
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        boolean ok = false;
        Console.relayTo(said::add);
        try {
            ok = switch (request.action()) {
                case STOP -> stop();
                case SNAPSHOT -> snapshot(AttachProtocol.snapshotOf(request.reply()));
                case START -> start(request.options(), inst);
            };
            if (!ok && said.isEmpty()) {
                Console.line("Weft did not " + request.action().name().toLowerCase(java.util.Locale.ROOT)
                        + " in this JVM");
            }
        } catch (Throwable t) {
            Console.line("failed: " + t);
        } finally {
            Console.relayTo(null);
        }
        try {
            AttachProtocol.writeReply(request.reply(), ok, said);
        } catch (IOException | RuntimeException e) {
            Console.line("cannot answer the agent.jar command in " + request.reply() + ": " + e);
        }
    }

    private static boolean start(String options, Instrumentation inst) {
        WeftSession running = AgentStarter.session();
        if (running != null) {
            Console.line("Weft is already recording in this JVM, to " + running.jfr().toAbsolutePath() + "; stop it first");
            return false;
        }
        AgentStarter.start(withAbsoluteOut(options), inst);
        WeftSession started = AgentStarter.session();
        if (started == null) {
            return false; // the starter said why
        }
        Console.line("recording to " + started.jfr());
        return true;
    }

    private static boolean stop() {
        WeftSession running = AgentStarter.session();
        boolean written = AgentStarter.stop();
        if (written && !running.jfr().isAbsolute()) {
            // a -javaagent run with a relative out=: the command runs elsewhere
            Console.line("(paths relative to " + Path.of("").toAbsolutePath() + ")");
        }
        return written;
    }

    private static boolean snapshot(Path to) {
        WeftSession running = AgentStarter.session();
        if (running == null) {
            Console.line("Weft is not recording in this JVM");
            return false;
        }
        return running.snapshot(to);
    }

    /** The command cannot see this JVM's working directory: name the default output directory absolutely. */
    static String withAbsoluteOut(String options) {
        Path out = AgentOptions.parse(options).outDir();
        if (out.isAbsolute()) {
            return options;
        }
        String absolute = "out=" + out.toAbsolutePath();
        return options == null || options.isBlank() ? absolute : options + "," + absolute;
    }
}
