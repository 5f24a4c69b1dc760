package dev.weft.reports.cli;

import dev.weft.reports.ReportException;
import dev.weft.reports.Reports;
import dev.weft.reports.recover.Recovery;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.render.JsonSummary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code json <file.jfr> [-o <out.json>] [--top <N>] [--phases <FILTER>]}: the machine-readable summary for CI gates. */
public final class JsonCommand implements Command {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String summary() {
        return "print a machine-readable JSON summary (for CI gates, e.g. with jq)";
    }

    @Override
    public String usage() {
        return "json <file.jfr> [-o <out.json>] [--top <N>] [--phases <FILTER>]";
    }

    @Override
    public String help() {
        return """
                Usage: %1$s json <file.jfr> [-o <out.json>] [--top <N>] [--phases <FILTER>]

                Prints a JSON summary of the recording: phases (and their groups by method) with wall
                time, threads in flight and running, blocked and idle time; a per-thread breakdown;
                blocked time by kind, idle time; wake edges; threads alive at exit;
                the agent's health; and warnings. Made for CI gates, e.g.

                  %1$s json app.jfr | jq -e '.phases[0].running > 1.5'
                  %1$s json app.jfr | jq -e '.aliveAtExit | length == 0'

                Options:
                  -o, --output <out.json>  write to a file instead of standard output ('-' = stdout)
                      --top <N>            keep only the N threads with the most workload + waiting
                                           time in perThread, the busiest first (default: all threads,
                                           in timeline order)
                      --phases <FILTER>    the methods whose calls are the phases, in the workload
                                           filter's syntax (com.example.Foo::bar;::baz); default:
                                           the agent's phases= option, else the top-level spans of main
                  -h, --help               show this help

                Schema (schemaVersion %2$d; it changes only when a field is removed or changes meaning).
                Durations are milliseconds (µs precision); startMs/endMs count from the recording start.
                  schema "%3$s", schemaVersion, generator
                  source        {file, events, partial}
                  recording     {start, end (ISO-8601), startEpochMs, durationMs}
                  threads       {platform, virtual, system}  (system = JDK-internal and tool threads)
                  concurrency   {inFlight {peak, average}, running {peak, average}}  (application threads
                                 inside workload spans at once; of them, not waiting)
                  phases[]      {name, method, startMs, wallMs, inFlightMs, runningMs, inFlight,
                                 inFlightPeak, running, runningPeak, threads, blockedMs, blockedShare,
                                 idleMs, blockedByKind {kind: ms}}  (inFlight/running: average threads)
                  phaseGroups[] {name, method, count, wallMs, minMs, medianMs, maxMs, inFlight,
                                 inFlightPeak, running, runningPeak, blockedMs, blockedShare, idleMs}
                  perThreadTotal, perThread[] {name, id, virtual, daemon (null = unknown), system,
                                 aliveAtExit, startMs, endMs, runningMs, blockedMs,
                                 blockedByKindMs {kind: ms}, idleMs, otherMs, totalMs, pinnedMs}
                                 (running + blocked + idle + other = total, without overlap)
                  idle          {count, timeMs}  (pool workers waiting for their next task)
                  waitsByKind   {kind: {count, timeMs}}  (kinds the application threads were blocked
                                 on; idle is not among them)
                  wakeEdges     {count, matchedWaits, eligibleWaits, matchedShare, wakesRecorded}
                                 (waits whose waker is known, of the waits that can have one)
                  aliveAtExit[] {name, id, virtual, daemon, state, activity}
                  agent         {present, version, options, workloadFilter, healthy, instrumentedTypes,
                                 transformErrors, failedTypes, suppressedErrors, firstSuppressed,
                                 startupMs}  (null when not recorded; healthy: no transformation
                                 error and no suppressed error; firstSuppressed: its stack trace)
                  warnings[]    what is missing or damaged in the recording

                Exit codes: 0 done, 1 the recording could not be read or the output written, 2 wrong
                command line.
                """.formatted(Main.PROGRAM, JsonSummary.SCHEMA_VERSION, JsonSummary.SCHEMA);
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException, ReportException {
        Args args = Args.parse(argList, true, this, List.of("top", "phases"), List.of());
        if (args.help) {
            out.print(help());
            return 0;
        }
        Recovery.Input input = Inputs.resolve(Output.path(args.recording(this), this), err);
        Path jfr = input.named();
        int top = args.count("top", 0, this);
        Path target = args.output == null || args.output.equals(Output.STDOUT) ? null : Output.path(args.output, this);
        if (target != null) {
            Output.notTheRecording(target, jfr, this);
        }
        Analysis analysis = Reports.analyse(input.recording(), args.options.get("phases"));
        String generator = Main.NAME + " " + Reports.VERSION;
        Output.Body body = o -> JsonSummary.write(analysis, o, top, generator);
        Output.deliver(out, err, target, body, analysis.model().partialReason(), "the summary covers");
        return 0;
    }
}
