package dev.weft.agent.cli;

import dev.weft.agent.control.AttachProtocol;
import dev.weft.agent.exit.SummaryLine;
import dev.weft.reports.ReportException;
import dev.weft.reports.ReportSummary;
import dev.weft.reports.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code snapshot <pid> [-o file.html]}: the {@code .jfr} and the HTML report of what Weft's
 * recording in a running JVM holds now; the recording goes on. The JVM only copies its recording;
 * the report is rendered here, in this command's process, never in the application's heap.
 */
final class SnapshotCommand extends CliCommand {

    SnapshotCommand() {
        super("snapshot", "<pid> [-o file.html]",
                "write the .jfr and the HTML report of what it recorded so far; it records on");
    }

    @Override
    String description() {
        return """
                Writes what Weft's recording in the JVM with process id <pid> holds now: the .jfr and the HTML
                report beside it, without stopping the recording. The JVM copies its recording (the same user's
                files); the report is rendered by this command, so the application's heap is never used for it.

                Options:
                  -o, --output <file.html>  where to write the report; the .jfr goes beside it with the same name
                                            (default: weft-snapshot-<pid>-<time>.html in this directory)
                """;
    }

    @Override
    String exitCodes() {
        return """
                0 written, 1 no such JVM, attach refused, Weft not recording there or the report could
                not be written, 2 wrong usage.""";
    }

    @Override
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        long pid = pid(args);
        Path html = output(args.subList(1, args.size()), pid);
        say(take(pid, html), out);
        return 0;
    }

    /**
     * Has JVM {@code pid} write its recording beside {@code html} (same name, {@code .jfr}) and renders the
     * report here; returns the summary line and where both went.
     */
    static List<String> take(long pid, Path html) throws CommandFailure {
        Path jfr = html.resolveSibling(html.getFileName().toString().replaceFirst("(?i)\\.html?$", "") + ".jfr");
        Path dir = html.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CommandFailure("cannot create " + dir + ": " + e.getMessage());
        }
        TargetJvm.ask(pid, AttachProtocol.Action.SNAPSHOT, "", new TargetJvm.Near() {
            @Override
            public Path dir() {
                return dir;
            }

            @Override
            public void withAnswer(Path reply) throws IOException {
                Files.move(AttachProtocol.snapshotOf(reply), jfr, StandardCopyOption.REPLACE_EXISTING);
            }
        });
        try {
            ReportSummary summary = Reports.writeHtml(jfr, html);
            return List.of(SummaryLine.of(summary), "snapshot: " + html + "  (jfr: " + jfr + "); JVM " + pid
                    + " records on");
        } catch (ReportException e) {
            throw new CommandFailure("the snapshot " + jfr + " was written, its report was not: " + e.getMessage());
        }
    }

    /** {@code weft-snapshot-<pid>-<time>.html} in the current directory. */
    static Path defaultOutput(long pid) {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("weft-snapshot-" + pid + "-" + time + ".html").toAbsolutePath();
    }

    private Path output(List<String> options, long pid) throws UsageException {
        if (options.isEmpty()) {
            return defaultOutput(pid);
        }
        if (options.size() != 2 || !(options.get(0).equals("-o") || options.get(0).equals("--output"))) {
            throw new UsageException("snapshot takes the pid and -o <file.html>, not '" + String.join(" ", options) + "'",
                    this);
        }
        try {
            Path html = Path.of(options.get(1)).toAbsolutePath();
            if (!html.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
                throw new UsageException("the report's name must end in .html, not '" + options.get(1) + "'", this);
            }
            return html;
        } catch (InvalidPathException e) {
            throw new UsageException("invalid file name '" + options.get(1) + "'", this);
        }
    }
}
