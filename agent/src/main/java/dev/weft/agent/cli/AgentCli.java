package dev.weft.agent.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar agent.jar attach|stop|list}: Weft for a JVM that is already running.
 * Exit codes: 0 done, 1 it could not be done (one line says why), 2 wrong usage.
 */
public final class AgentCli {

    static final String PROGRAM = "java -jar agent.jar";
    /** Every line this command prints about Weft starts so, as the agent's own lines do. */
    static final String PREFIX = "[weft] ";

    static final List<CliCommand> COMMANDS = List.of(new AttachCommand(), new StopCommand(), new SnapshotCommand(),
            new WatchCommand(), new ListCommand());

    private AgentCli() { }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new UsageException("missing the command: attach, stop, snapshot, watch or list", null);
            }
            String first = args[0];
            if (isHelp(first) || first.equals("help")) {
                CliCommand about = args.length > 1 && first.equals("help") ? find(args[1]) : null;
                if (args.length > 1 && first.equals("help") && about == null) {
                    throw new UsageException("unknown command '" + args[1] + "'", null);
                }
                out.print(about == null ? help() : about.help());
                return 0;
            }
            CliCommand command = find(first);
            if (command == null) {
                throw new UsageException("unknown command '" + first + "'", null);
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            if (rest.stream().anyMatch(AgentCli::isHelp)) {
                out.print(command.help());
                return 0;
            }
            return command.run(rest, out, err);
        } catch (UsageException e) {
            CliCommand c = e.command();
            err.println(PREFIX + e.getMessage());
            err.println("usage: " + (c == null ? PROGRAM + " attach|stop|snapshot|watch|list ..." : usage(c))
                    + "   (try " + PROGRAM + (c == null ? "" : " " + c.name) + " --help)");
            return 2;
        } catch (CommandFailure e) {
            err.println(PREFIX + e.getMessage());
            return 1;
        } catch (RuntimeException | Error e) {
            err.println(PREFIX + "internal error: " + oneLine(String.valueOf(e)));
            return 1;
        }
    }

    static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("-?");
    }

    static String usage(CliCommand c) {
        return PROGRAM + " " + c.name + (c.arguments.isEmpty() ? "" : " " + c.arguments);
    }

    static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static CliCommand find(String name) {
        for (CliCommand c : COMMANDS) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    static String help() {
        StringBuilder b = new StringBuilder();
        b.append("Weft for a running JVM: record which threads ran at the same time, and where each one waited.\n\n");
        b.append("Usage:\n");
        for (CliCommand c : COMMANDS) {
            b.append(String.format("  %-42s %s%n", usage(c), c.summary));
        }
        b.append("\nTo record from the start instead: java -javaagent:agent.jar[=options] -jar app.jar\n");
        b.append("Run '").append(PROGRAM).append(" <command> --help' for a command's details.\n");
        b.append("Exit codes: 0 done, 1 it could not be done (no such JVM, attach refused, Weft not recording there),"
                + " 2 wrong usage.\n");
        return b.toString();
    }
}
