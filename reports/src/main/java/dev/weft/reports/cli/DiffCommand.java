package dev.weft.reports.cli;

import dev.weft.reports.ReportException;
import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.diff.RecordingDiff;
import dev.weft.reports.render.DiffJson;
import dev.weft.reports.render.DiffRenderer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code diff <before.jfr> <after.jfr> [-o <out.html>] [--json] [--phases <FILTER>]}: two recordings compared. */
public final class DiffCommand implements Command {

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "compare two recordings: phases before -> after with ratios, threads that changed most";
    }

    @Override
    public String usage() {
        return "diff <before.jfr> <after.jfr> [-o <out.html>] [--json] [--phases <FILTER>]";
    }

    @Override
    public String help() {
        return """
                Usage: %1$s diff <before.jfr> <after.jfr> [-o <out.html>] [--json] [--phases <FILTER>]

                Compares two recordings of the same program, e.g. before and after a change.

                The HTML page (the default) shows both timelines on one time scale, one above the
                other; the phases side by side with wall time, work (time running, summed over
                threads), speed-up (work / wall: the threads running on average), threads in flight
                and time blocked by kind, before -> after with the ratio after / before; and the
                threads and groups of threads (pools, virtual threads) with the biggest change first.

                Phases are matched by name. Phases left over on both sides, as many on each, are
                paired in time order (say, a sequential run against a concurrent one); the rest are
                shown alone. Threads are matched by name; threads named like a pool (name-N) and all
                virtual threads are compared as groups, so runs with different thread counts compare.

                --json prints the same figures for CI gates, e.g.

                  %1$s diff before.jfr after.jfr --json | jq -e '.phases[0].ratios.wall < 0.5'

                Options:
                  -o, --output <file>  where to write (HTML default: next to the second recording,
                                       <name>.diff.html; --json default: standard output; '-' =
                                       standard output)
                      --json           write the JSON figures instead of the page (schema "%2$s",
                                       schemaVersion %3$d: phases[] {name, match, before, after
                                       {wallMs, workMs, speedUp, inFlight, inFlightPeak, waitingMs,
                                       idleMs, waitingByKind}, ratios}, threads[] {name, group,
                                       changeMs, before, after}, and the recordings' totals;
                                       waiting = blocked, idle apart)
                      --phases <FILTER> the methods whose calls are the phases, in both recordings
                                       (the workload filter's syntax; default: as the html command)
                  -h, --help           show this help

                Exit codes: 0 done, 1 a recording could not be read or the output written, 2 wrong
                command line.
                """.formatted(Main.PROGRAM, DiffJson.SCHEMA, DiffJson.SCHEMA_VERSION);
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException, ReportException {
        Args args = Args.parse(argList, true, this, List.of("phases"), List.of("json"));
        if (args.help) {
            out.print(help());
            return 0;
        }
        if (args.positionals.size() != 2) {
            throw new UsageException("expected two .jfr files, before and after, got " + args.positionals.size(), this);
        }
        Path before = Output.path(nonEmpty(args.positionals.get(0)), this);
        Path after = Output.path(nonEmpty(args.positionals.get(1)), this);
        boolean json = args.flag("json");
        Path target;
        if (args.output == null) {
            target = json ? null : defaultOutput(after);
        } else {
            target = args.output.equals(Output.STDOUT) ? null : Output.path(args.output, this);
        }
        if (target != null) {
            Output.notTheRecording(target, before, this);
            Output.notTheRecording(target, after, this);
        }
        // both analyses are held at once: each model may take half of what one alone may
        Analysis b = Reports.analyse(before, args.options.get("phases"), 2);
        Analysis a = Reports.analyse(after, args.options.get("phases"), 2);
        RecordingDiff diff = RecordingDiff.of(b, a);
        String generator = Main.NAME + " " + Reports.VERSION;
        Output.Body body = json ? o -> DiffJson.write(diff, o, generator) : o -> DiffRenderer.write(diff, o, generator);
        Output.deliver(out, err, target, body, a.model().partial() ? a.model().partialReason() : b.model().partialReason(), "the diff compares");
        return 0;
    }

    private String nonEmpty(String file) throws UsageException {
        if (file.isEmpty()) {
            throw new UsageException("a .jfr file name is empty", this);
        }
        return file;
    }

    /** {@code dir/after.jfr} → {@code dir/after.diff.html}. */
    static Path defaultOutput(Path after) {
        return Output.besideRecording(after, ".diff.html");
    }
}
