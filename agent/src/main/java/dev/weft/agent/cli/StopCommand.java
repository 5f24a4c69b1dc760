package dev.weft.agent.cli;

import dev.weft.agent.control.AttachProtocol;
import java.io.PrintStream;
import java.util.List;

/** {@code stop <pid>}: ends Weft's recording in a running JVM, which writes the .jfr and the report; prints where. */
final class StopCommand extends CliCommand {

    StopCommand() {
        super("stop", "<pid>",
                "stop recording there; write the .jfr and the HTML report, print where");
    }

    @Override
    String description() {
        return """
                Ends Weft's recording in the JVM with process id <pid>, started by 'attach' or by -javaagent:
                the JVM writes the .jfr and the HTML report, as it would at exit, and runs on without Weft.
                Prints the summary and where both files are. The paths are the JVM's: it writes them.
                Waits up to %s s for the report.
                """.formatted(TargetJvm.ANSWER_TIMEOUT.toSeconds());
    }

    @Override
    String exitCodes() {
        return "0 written, 1 no such JVM, attach refused or Weft not recording there, 2 wrong usage.";
    }

    @Override
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        noMoreThan(args, 1, "only the pid");
        long pid = pid(args);
        say(TargetJvm.ask(pid, AttachProtocol.Action.STOP, "").lines(), out);
        return 0;
    }
}
