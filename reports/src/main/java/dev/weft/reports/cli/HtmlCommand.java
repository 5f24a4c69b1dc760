package dev.weft.reports.cli;

import dev.weft.reports.ReportException;
import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.recover.Recovery;
import dev.weft.reports.render.HtmlRenderer;
import dev.weft.reports.render.ViewerPage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code html <file.jfr> [-o <out.html>]}: writes the single-file HTML timeline (the default command). */
public final class HtmlCommand implements Command {

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String summary() {
        return "write the HTML timeline (the default command)";
    }

    @Override
    public String usage() {
        return "[html] <file.jfr> [-o <out.html>] [--phases <FILTER>]";
    }

    @Override
    public String help() {
        return """
                Usage: %1$s [html] <file.jfr> [-o <out.html>] [--phases <FILTER>]

                Writes a single-file HTML timeline of the recording: one lane per thread with its
                workload and wait spans, phases with wall time and threads in flight and running, a per-thread
                breakdown, and the threads still running at exit. Open it in any browser; it needs
                no network.

                Options:
                  -o, --output <out.html>  where to write (default: next to the .jfr, same name, .html;
                                           '-' = standard output)
                      --phases <FILTER>    the methods whose calls are the phases, in the workload
                                           filter's syntax (com.example.Foo::bar;::baz); default:
                                           the agent's phases= option, else the top-level spans of main
                  -h, --help               show this help

                Prints the path of the report written (with -o -, the report itself). Exit codes:
                0 done, 1 the recording could not be read or the report written, 2 wrong command line.
                """.formatted(Main.PROGRAM);
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException, ReportException {
        Args args = Args.parse(argList, true, this, List.of("phases"), List.of());
        if (args.help) {
            out.print(help());
            return 0;
        }
        Recovery.Input input = Inputs.resolve(Output.path(args.recording(this), this), err);
        Path jfr = input.named();
        // "-o -" is standard output, as for every command (it used to name a file "-")
        Path target = args.output == null ? defaultOutput(jfr)
                : args.output.equals(Output.STDOUT) ? null : Output.path(args.output, this);
        if (target != null) {
            Output.notTheRecording(target, jfr, this);
        }
        ViewerPage.TIMELINE.readAhead();
        Analysis analysis = Reports.analyse(input.recording(), args.options.get("phases"));
        String generator = Main.NAME + " " + Reports.VERSION;
        Output.Body body = o -> HtmlRenderer.write(analysis, o, generator);
        Output.deliver(out, err, target, body, analysis.model().partialReason(), "the report shows");
        return 0;
    }

    /** {@code dir/app.jfr} → {@code dir/app.html}; a name without {@code .jfr} gets {@code .html} appended. */
    static Path defaultOutput(Path jfr) {
        Path name = jfr.getFileName();
        String base = name == null ? "report" : name.toString();
        if (base.regionMatches(true, Math.max(0, base.length() - 4), ".jfr", 0, 4) && base.length() > 4) {
            base = base.substring(0, base.length() - 4);
        }
        return jfr.resolveSibling(base + ".html");
    }
}
