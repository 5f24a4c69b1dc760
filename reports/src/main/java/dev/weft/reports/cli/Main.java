package dev.weft.reports.cli;

import dev.weft.reports.ReportException;
import dev.weft.reports.Reports;
import dev.weft.reports.render.Format;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar reports.jar [command] …}: dispatches to one {@link Command}; a first argument
 * that is not a command name is a file for the default command, {@code html}.
 */
public final class Main {

    static final String NAME = "weft-reports";
    static final String PROGRAM = "java -jar reports.jar";

    /** The commands, the default first. */
    static final List<Command> COMMANDS = List.of(new HtmlCommand(), new SummaryCommand(), new JsonCommand(),
            new TraceCommand(), new DiffCommand());

    private Main() {
    }

    /**
     * Runs the command line and ends the JVM with its exit code. By {@code halt}, once what was printed is
     * flushed: the CLI registers no shutdown hooks and leaves nothing to finish, and the JDK's own hooks cost a
     * report of the demo's recording 7 ms of its 170 (and 20 ms of CPU). A class archive is still written at
     * exit ({@code -XX:ArchiveClassesAtExit}: the JVM does that on halt too).
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /** Runs the command line and returns the exit code: 0 done, 1 failed, 2 wrong usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Command command = null;
        try {
            if (args.length == 0) {
                throw new UsageException("missing the .jfr file to read", null);
            }
            String first = args[0];
            if (first.equals("--help") || first.equals("-h") || first.equals("-?") || first.equals("help")) {
                if (first.equals("help") && args.length > 1) {
                    Command c = find(args[1]);
                    if (c == null) {
                        throw new UsageException("unknown command '" + Format.safe(args[1], Args.ECHO) + "'", null);
                    }
                    out.print(c.help());
                    return 0;
                }
                out.print(help());
                return 0;
            }
            if (first.equals("--version")) {
                out.println(NAME + " " + Reports.VERSION);
                return 0;
            }
            command = find(first);
            List<String> rest = Arrays.asList(args).subList(command == null ? 0 : 1, args.length);
            if (command == null) {
                command = COMMANDS.get(0);
            }
            return command.run(rest, out, err);
        } catch (UsageException e) {
            Command c = e.command();
            err.println(NAME + ": " + e.getMessage());
            err.println("usage: " + PROGRAM + " " + (c == null ? COMMANDS.get(0).usage() : c.usage())
                    + "   (try " + PROGRAM + (c == null ? "" : " " + c.name()) + " --help)");
            return 2;
        } catch (ReportException e) {
            err.println(NAME + ": " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            // past the reading, which retries with less: writing a page or a diff of what was read
            err.println(NAME + ": not enough memory to write the " + (command == null ? "report" : command.name())
                    + "; give the JVM a larger heap (-Xmx)");
            return 1;
        } catch (RuntimeException | Error e) {
            err.println(NAME + ": internal error: " + ReportException.oneLine(String.valueOf(e)));
            return 1;
        }
    }

    private static Command find(String name) {
        for (Command c : COMMANDS) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    static String help() {
        StringBuilder b = new StringBuilder();
        b.append("Weft reports ").append(Reports.VERSION)
                .append(": which threads ran at the same time, and where did each one wait?\n\n");
        b.append("Usage: ").append(PROGRAM).append(" <file.jfr> [-o <out.html>]\n");
        b.append("       ").append(PROGRAM).append(" <command> [options]\n\nCommands:\n");
        for (Command c : COMMANDS) {
            b.append(String.format("  %-9s %s%n", c.name(), c.summary()));
        }
        b.append("\nRun '").append(PROGRAM).append(" <command> --help' for a command's options.\n");
        b.append("Exit codes: 0 done, 1 the recording could not be read or the output written, 2 wrong usage.\n");
        return b.toString();
    }
}
