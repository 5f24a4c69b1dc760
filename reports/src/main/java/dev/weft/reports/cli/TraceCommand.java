package dev.weft.reports.cli;

import dev.weft.reports.ReportException;
import dev.weft.reports.Reports;
import dev.weft.reports.recover.Recovery;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.render.TraceWriter;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code trace <file.jfr> [-o <out.json>] [--all-threads]}: Chrome / Perfetto trace-event JSON. */
public final class TraceCommand implements Command {

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String summary() {
        return "write Chrome / Perfetto trace JSON (thread lanes, spans, wake arrows)";
    }

    @Override
    public String usage() {
        return "trace <file.jfr> [-o <out.json>] [--all-threads]";
    }

    @Override
    public String help() {
        return """
                Usage: %1$s trace <file.jfr> [-o <out.json>] [--all-threads]

                Writes the recording as trace-event JSON for https://ui.perfetto.dev (Open trace file)
                or chrome://tracing: one track per thread, named as in the recording; workload spans
                (category "workload") and wait spans (category = the wait kind: join, latch, park ...,
                with the blocker, the target thread and who ended the wait in args); thread start, end
                and alive-at-exit instants; and a flow arrow from the waker to the woken thread for each
                wake edge (category "wake", with a zero-length anchor slice at each end). Timestamps
                are microseconds from the recording start; tid is the Java thread id.

                The output is streamed: a recording of millions of spans needs no more memory than the
                timeline itself.

                Options:
                  -o, --output <out.json>  where to write (default: next to the .jfr, <name>.trace.json;
                                           '-' = standard output)
                      --all-threads        also the JDK's own threads (hidden by default, as in the
                                           HTML timeline)
                  -h, --help               show this help

                Prints the path of the file written. Exit codes: 0 done, 1 the recording could not be
                read or the output written, 2 wrong command line.
                """.formatted(Main.PROGRAM);
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException, ReportException {
        Args args = Args.parse(argList, true, this, List.of(), List.of("all-threads"));
        if (args.help) {
            out.print(help());
            return 0;
        }
        Recovery.Input input = Inputs.resolve(Output.path(args.recording(this), this), err);
        Path jfr = input.named();
        boolean stdout = Output.STDOUT.equals(args.output);
        Path target = stdout ? null : args.output != null ? Output.path(args.output, this) : defaultOutput(jfr);
        if (target != null) {
            Output.notTheRecording(target, jfr, this);
        }
        boolean all = args.flag("all-threads");
        Analysis analysis = Reports.analyse(input.recording());
        String generator = Main.NAME + " " + Reports.VERSION;
        Output.Body body = o -> TraceWriter.write(analysis, o, all, generator);
        Output.deliver(out, err, target, body, analysis.model().partialReason(), "the trace shows");
        return 0;
    }

    /** {@code dir/app.jfr} → {@code dir/app.trace.json}. */
    static Path defaultOutput(Path jfr) {
        return Output.besideRecording(jfr, ".trace.json");
    }
}
