package dev.weft.agent.cli;

import dev.weft.agent.AgentOptions;
import dev.weft.agent.control.AttachProtocol;
import dev.weft.agent.weave.WorkloadFilter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code attach <pid> [option...]}: loads Weft into a running JVM and starts recording there. */
final class AttachCommand extends CliCommand {

    AttachCommand() {
        super("attach", "<pid> [option...]",
                "load Weft into a running JVM (Java 17+) and start recording");
    }

    @Override
    String description() {
        return """
                Loads Weft into the JVM with process id <pid> (see '%s list') and starts
                recording there, from now on; '%s stop <pid>' ends it and writes the report.
                The JVM must run Java 17 or newer as the same user and allow attach; on Java 21+ it prints a
                warning about a dynamically loaded agent unless started with -XX:+EnableDynamicAgentLoading.

                Options are the agent's, as separate arguments or comma-separated (out=DIR workload=FILTER).
                A relative out=DIR is taken from this command's directory; without it the JVM writes to
                weft-out in its own working directory.

                %s
                """.formatted(AgentCli.PROGRAM, AgentCli.PROGRAM, AgentOptions.usage());
    }

    @Override
    String exitCodes() {
        return "0 recording, 1 no such JVM, attach refused or Weft could not start there, 2 wrong usage.";
    }

    @Override
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        long pid = pid(args);
        String options = agentOptions(args.subList(1, args.size()));
        say(TargetJvm.ask(pid, AttachProtocol.Action.START, options).lines(), out);
        out.println(AgentCli.PREFIX + "stop with: " + AgentCli.PROGRAM + " stop " + pid);
        return 0;
    }

    /** The options as the agent takes them, checked here so that a typo fails before anything is loaded. */
    String agentOptions(List<String> args) throws UsageException {
        List<String> entries = new ArrayList<>();
        for (String arg : args) {
            for (String entry : arg.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        AgentOptions parsed = AgentOptions.parse(String.join(",", entries));
        if (!parsed.problems().isEmpty()) {
            throw new UsageException(parsed.problems().get(0), this);
        }
        if (parsed.help()) {
            throw new UsageException("'help' is not an option here; use " + AgentCli.PROGRAM + " attach --help", this);
        }
        if (parsed.workload() != null) {
            List<String> problems = WorkloadFilter.parse(parsed.workload()).problems();
            if (!problems.isEmpty()) {
                throw new UsageException(problems.get(0), this);
            }
        }
        List<String> resolved = new ArrayList<>();
        for (String entry : entries) {
            // the JVM runs elsewhere: a relative directory means this command's, as the user typed it here
            int eq = entry.indexOf('=');
            boolean out = eq > 0 && entry.substring(0, eq).strip().equals("out");
            resolved.add(out ? "out=" + Path.of(entry.substring(eq + 1).strip()).toAbsolutePath() : entry);
        }
        return String.join(",", resolved);
    }
}
