package dev.weft.reports.cli;

import dev.weft.reports.ReportException;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the command line. */
public interface Command {

    /** The word that selects it, e.g. {@code html}. */
    String name();

    /** One line for the main help. */
    String summary();

    /** The usage line, e.g. {@code html <file.jfr> [-o <out.html>]}, without the program name. */
    String usage();

    /** The full help text printed by {@code <command> --help}. */
    String help();

    /**
     * Runs the command.
     *
     * @return the exit code (0 on success)
     * @throws UsageException  for a wrong command line (exit code 2)
     * @throws ReportException when the recording cannot be read or the output written (exit code 1)
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, ReportException;
}
