package dev.weft.agent.cli;

import dev.weft.reports.recover.RecordingMarker;
import java.io.PrintStream;
import java.util.List;

/** {@code list}: the JVMs this user can attach to, and whether Weft records in them. */
final class ListCommand extends CliCommand {

    ListCommand() {
        super("list", "",
                "show the running JVMs: pid, main class or jar, whether Weft records there");
    }

    @Override
    String description() {
        return """
                Shows the running JVMs of this user that Weft can attach to: pid, main class or jar, and
                'recording' where Weft records (from the marker it leaves in the temporary directory, so
                nothing is attached to for this list). Without the module jdk.attach (a JRE) it lists the
                processes whose command is java. JVMs killed while Weft recorded are named on stderr, with the
                command that recovers their recording; markers of JVMs that left nothing to recover are removed.
                """;
    }

    @Override
    String exitCodes() {
        return "0 listed, 2 wrong usage.";
    }

    @Override
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        noMoreThan(args, 0, "no arguments");
        if (!JavaProcesses.canAttach()) {
            err.println(AgentCli.PREFIX + "this Java runtime lacks jdk.attach: listing processes whose command is java");
        }
        List<JavaProcesses.Jvm> jvms = JavaProcesses.find();
        out.printf("%-8s %-10s %s%n", "PID", "WEFT", "MAIN");
        for (JavaProcesses.Jvm j : jvms) {
            out.printf("%-8d %-10s %s%n", j.pid(), j.recording().isPresent() ? "recording" : "-", j.main());
        }
        RecordingMarker.cleanUpStale();
        for (RecordingMarker m : RecordingMarker.all()) {
            if (!m.alive() && m.recoverable()) {
                err.println(AgentCli.PREFIX + "JVM " + m.pid() + " was killed while Weft recorded to " + m.jfr()
                        + "; recover what it recorded: java -jar reports.jar html " + m.jfr());
            }
        }
        return 0;
    }
}
