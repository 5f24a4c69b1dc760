package dev.weft.reports.cli;

import dev.weft.reports.ReportException;
import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.render.TextSummary;
import dev.weft.reports.render.Format;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** {@code summary <file.jfr>}: a compact text table for terminals. */
public final class SummaryCommand implements Command {

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String summary() {
        return "print phases, threads, waits by kind and threads alive at exit as text";
    }

    @Override
    public String usage() {
        return "summary <file.jfr> [--phases <FILTER>]";
    }

    @Override
    public String help() {
        return """
                Usage: %1$s summary <file.jfr> [--phases <FILTER>]

                Prints a compact summary of the recording for a terminal: the biggest phase groups
                with wall time, threads in flight and running and share of time blocked; thread
                counts; time blocked by kind and time idle; and the threads still running when the
                program exited. A few lines, whatever the recording holds.

                Options:
                      --phases <FILTER>  the methods whose calls are the phases (workload filter syntax)
                  -h, --help             show this help

                Exit codes: 0 done, 1 the recording could not be read, 2 wrong command line.
                """.formatted(Main.PROGRAM);
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException, ReportException {
        Args args = Args.parse(argList, false, this, List.of("phases"), List.of());
        if (args.help) {
            out.print(help());
            return 0;
        }
        String file = args.recording(this);
        Path jfr;
        try {
            jfr = Path.of(file);
        } catch (InvalidPathException e) {
            throw new UsageException("invalid file name '" + Format.safe(file, Args.ECHO) + "'", this);
        }
        Analysis analysis = Reports.analyse(Inputs.resolve(jfr, err).recording(), args.options.get("phases"));
        TextSummary.print(analysis, out);
        out.flush();
        Output.warnIfPartial(err, analysis.model().partialReason(), "the summary covers");
        return 0;
    }
}
