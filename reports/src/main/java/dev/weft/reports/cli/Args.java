package dev.weft.reports.cli;

import java.util.ArrayList;
import java.util.List;

/** The parsed arguments of a command: positionals, {@code -o}/{@code --output}, {@code --help}. */
final class Args {

    final List<String> positionals = new ArrayList<>();
    String output;
    boolean help;

    /**
     * Parses {@code args}. {@code acceptsOutput} allows {@code -o <file>}, {@code -o<file>},
     * {@code --output <file>} and {@code --output=<file>}; {@code --} ends the options.
     */
    static Args parse(List<String> args, boolean acceptsOutput, Command command) throws UsageException {
        Args parsed = new Args();
        boolean options = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (options && a.equals("--")) {
                options = false;
            } else if (options && (a.equals("--help") || a.equals("-h") || a.equals("-?"))) {
                parsed.help = true;
            } else if (options && acceptsOutput && (a.equals("-o") || a.equals("--output"))) {
                if (i + 1 >= args.size() || args.get(i + 1).isEmpty()) {
                    throw new UsageException("option " + a + " needs a file name", command);
                }
                parsed.output(args.get(++i), command);
            } else if (options && acceptsOutput && a.startsWith("--output=")) {
                parsed.output(a.substring("--output=".length()), command);
            } else if (options && acceptsOutput && a.startsWith("-o") && a.length() > 2) {
                parsed.output(a.substring(2), command);
            } else if (options && a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option '" + a + "'", command);
            } else {
                parsed.positionals.add(a);
            }
        }
        return parsed;
    }

    private void output(String file, Command command) throws UsageException {
        if (output != null) {
            throw new UsageException("the output file is given twice", command);
        }
        if (file.isEmpty()) {
            throw new UsageException("the output file name is empty", command);
        }
        output = file;
    }

    /** The single .jfr file, or a usage error. */
    String recording(Command command) throws UsageException {
        if (positionals.isEmpty()) {
            throw new UsageException("missing the .jfr file to read", command);
        }
        if (positionals.size() > 1) {
            throw new UsageException("expected one .jfr file, got " + positionals.size() + " arguments", command);
        }
        if (positionals.get(0).isEmpty()) {
            throw new UsageException("the .jfr file name is empty", command);
        }
        return positionals.get(0);
    }
}
