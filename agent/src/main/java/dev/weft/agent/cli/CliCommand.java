package dev.weft.agent.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One sub-command of {@code java -jar agent.jar}, and what they all share: the name, usage and summary
 * {@link AgentCli} lists, the layout of {@code <command> --help} (usage, description, exit codes), the
 * checks of the pid most take and the {@code [weft]} lines they print.
 */
abstract class CliCommand {

    /** The word that selects it, e.g. {@code attach}. */
    final String name;
    /** The arguments after the name, e.g. {@code <pid> [option...]}. */
    final String arguments;
    /** One line for the main help. */
    final String summary;

    CliCommand(String name, String arguments, String summary) {
        this.name = name;
        this.arguments = arguments;
        this.summary = summary;
    }

    /** The help between the usage line and the exit codes, lines that end in a line break. */
    abstract String description();

    /** The exit codes' meanings after "Exit codes: ", e.g. "0 written, 1 no such JVM, 2 wrong usage.". */
    abstract String exitCodes();

    /** The full text of {@code <command> --help}. */
    final String help() {
        return "Usage: " + AgentCli.usage(this) + "\n\n" + description() + "\nExit codes: " + exitCodes() + "\n";
    }

    /**
     * Runs the command and returns its exit code (0).
     *
     * @throws UsageException  a wrong command line (exit code 2)
     * @throws CommandFailure  it could not be done (exit code 1)
     */
    abstract int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure;

    /** The process id, the first argument. */
    final long pid(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("missing the pid of the JVM (see: " + AgentCli.PROGRAM + " list)", this);
        }
        return TargetJvm.parsePid(args.get(0), this);
    }

    /** Refuses arguments beyond the first {@code count}; {@code takes} says what the command takes instead. */
    final void noMoreThan(List<String> args, int count, String takes) throws UsageException {
        if (args.size() > count) {
            throw new UsageException(name + " takes " + takes + ", not '" + args.get(count) + "'", this);
        }
    }

    /** Prints {@code lines} as Weft's, each after the {@code [weft]} prefix. */
    static void say(List<String> lines, PrintStream to) {
        for (String line : lines) {
            to.println(AgentCli.PREFIX + line);
        }
    }
}
