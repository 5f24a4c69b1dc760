package dev.weft.agent.control;

import dev.weft.agent.Console;
import dev.weft.agent.exit.ExitHook;
import dev.weft.agent.record.WeftRecording;
import dev.weft.agent.weave.WeavingTransformer;
import dev.weft.boot.Recorder;
import java.lang.instrument.Instrumentation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Recording;

/**
 * One running Weft recording, from its start ({@code -javaagent} or an attach) until the JVM exits
 * or {@code java -jar agent.jar stop} ends it; then a later attach may start a new one.
 */
public final class WeftSession {

    /** The Instrumentation the transformer was installed with: each attach brings a new one, and only this one can remove it. */
    private final Instrumentation inst;
    private final Recording recording;
    private final WeavingTransformer transformer;
    private final ExitHook exitHook;
    private final Path jfr;

    private WeftSession(Instrumentation inst, Recording recording, WeavingTransformer transformer,
                        ExitHook exitHook, Path jfr) {
        this.inst = inst;
        this.recording = recording;
        this.transformer = transformer;
        this.exitHook = exitHook;
        this.jfr = jfr;
    }

    public static WeftSession started(Instrumentation inst, Recording recording, WeavingTransformer transformer,
                               ExitHook exitHook, Path jfr) {
        SessionMarker.publish(jfr);
        return new WeftSession(inst, recording, transformer, exitHook, jfr);
    }

    Path jfr() {
        return jfr;
    }

    /** The Instrumentation Weft was started with: a test framework adds its workload through it. */
    public Instrumentation instrumentation() {
        return inst;
    }

    /**
     * Writes what the recording holds now to {@code to}, and records on: JFR copies its chunks, the
     * current one included, without stopping. The report is rendered by the command, not here.
     *
     * @return whether the file was written; a failure has been said in one line
     */
    public boolean snapshot(Path to) {
        try {
            recording.dump(to);
            Console.line("snapshot: " + to + " (" + Files.size(to) + " bytes)");
            return true;
        } catch (IOException | RuntimeException e) {
            Console.line("cannot write a snapshot to " + to + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * Ends the recording now, while the JVM runs on: JFR writes the {@code .jfr}, the report is
     * rendered as at exit, the instrumentation is removed and the exit hook left with nothing to do.
     *
     * @return whether the recording was written; every problem has been said in one line
     */
    public boolean stop() {
        if (!exitHook.disarm()) {
            Console.line("the JVM is exiting: the exit hook writes the report");
            return false;
        }
        SessionMarker.withdraw();
        Recorder.deactivate();
        // no JFR shutdown hook can race this stop (DESIGN §5): the JVM is not exiting, or the hook above has the report
        recording.stop();
        WeftRecording.removeHooks();
        recording.close();
        try {
            transformer.uninstall(inst);
        } catch (Throwable t) {
            Console.line("could not remove the instrumentation (" + t + "); it stays in place, inactive");
        }
        try {
            return exitHook.report().write();
        } catch (Throwable t) {
            Console.line("report failed: " + t + "; the recording is " + jfr);
            return false;
        }
    }
}
