package dev.weft.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command line in-process and captures what it printed, in UTF-8, as both command lines print. */
public final class InProcessCli {

    /** A command line's entry point that takes its streams (the reports' {@code Main}, the agent's {@code AgentCli}). */
    @FunctionalInterface
    public interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /** Its exit code and everything it printed on each stream. */
    public record Output(int code, String out, String err) { }

    private InProcessCli() { }

    public static Output run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
