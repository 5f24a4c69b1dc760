package dev.weft.agent.cli;

import dev.weft.agent.control.AttachProtocol;
import java.io.PrintStream;
import java.util.List;

/** {@code stop <pid>}: ends Weft's recording in a running JVM, which writes the .jfr and the report; prints where. */
final class StopCommand implements CliCommand {

    @Override
    public String name() { return "stop"; }

    @Override
    public String arguments() { return "<pid>"; }

    @Override
    public String summary() { return "stop recording there; write the .jfr and the HTML report, print where"; }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: " + AgentCli.usage(this),
                "",
                "Ends Weft's recording in the JVM with process id <pid>, started by 'attach' or by -javaagent:",
                "the JVM writes the .jfr and the HTML report, as it would at exit, and runs on without Weft.",
                "Prints the summary and where both files are. The paths are the JVM's: it writes them.",
                "Waits up to " + TargetJvm.ANSWER_TIMEOUT.toSeconds() + " s for the report.",
                "",
                "Exit codes: 0 written, 1 no such JVM, attach refused or Weft not recording there, 2 wrong usage.",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        if (args.isEmpty()) {
            throw new UsageException("missing the pid of the JVM (see: " + AgentCli.PROGRAM + " list)", this);
        }
        if (args.size() > 1) {
            throw new UsageException("stop takes only the pid, not '" + args.get(1) + "'", this);
        }
        long pid = TargetJvm.parsePid(args.get(0), this);
        AttachProtocol.Reply reply = TargetJvm.ask(pid, AttachProtocol.Action.STOP, "");
        for (String line : reply.lines()) {
            out.println(AgentCli.PREFIX + line);
        }
        return 0;
    }
}
