package dev.weft.agent.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code java -jar agent.jar}. */
interface CliCommand {

    /** The word that selects it, e.g. {@code attach}. */
    String name();

    /** The arguments after the name, e.g. {@code <pid> [option...]}. */
    String arguments();

    /** One line for the main help. */
    String summary();

    /** The full text of {@code <command> --help}. */
    String help();

    /**
     * Runs the command and returns its exit code (0).
     *
     * @throws UsageException  a wrong command line (exit code 2)
     * @throws CommandFailure  it could not be done (exit code 1)
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure;
}
