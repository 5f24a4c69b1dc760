package dev.weft.reports.cli;

import dev.weft.reports.render.Format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The parsed arguments of a command: positionals, {@code -o}/{@code --output}, {@code --help}. */
final class Args {

    /** The longest piece of user input a usage error echoes back. */
    static final int ECHO = 60;

    final List<String> positionals = new ArrayList<>();
    String output;
    boolean help;
    /** Values of the command's own options ({@code --top 10} → {@code top=10}); flags map to {@code ""}. */
    final Map<String, String> options = new HashMap<>();

    /**
     * Parses {@code args}. {@code acceptsOutput} allows {@code -o <file>}, {@code -o<file>},
     * {@code --output <file>} and {@code --output=<file>}; {@code --} ends the options.
     */
    static Args parse(List<String> args, boolean acceptsOutput, Command command) throws UsageException {
        return parse(args, acceptsOutput, command, List.of(), List.of());
    }

    /**
     * Parses {@code args} with the command's own {@code valueOptions} ({@code --name <value>} or
     * {@code --name=<value>}) and {@code flags} ({@code --name}), given without the leading dashes.
     */
    static Args parse(List<String> args, boolean acceptsOutput, Command command, List<String> valueOptions,
                      List<String> flags) throws UsageException {
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
            } else if (options && a.startsWith("--") && flags.contains(a.substring(2))) {
                parsed.options.put(a.substring(2), "");
            } else if (options && a.startsWith("--") && valueOptions.contains(a.substring(2))) {
                if (i + 1 >= args.size() || args.get(i + 1).isEmpty()) {
                    throw new UsageException("option " + a + " needs a value", command);
                }
                parsed.option(a.substring(2), args.get(++i), command);
            } else if (options && a.startsWith("--") && a.indexOf('=') > 2
                    && valueOptions.contains(a.substring(2, a.indexOf('=')))) {
                parsed.option(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1), command);
            } else if (options && a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option '" + Format.safe(a, ECHO) + "'", command);
            } else {
                parsed.positionals.add(a);
            }
        }
        return parsed;
    }

    private void option(String name, String value, Command command) throws UsageException {
        if (options.containsKey(name)) {
            throw new UsageException("option --" + name + " is given twice", command);
        }
        options.put(name, value);
    }

    /** The option's value as a positive count, or {@code fallback} when absent. */
    int count(String name, int fallback, Command command) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option --" + name + " needs a positive whole number, not '" + Format.safe(value, ECHO) + "'", command);
    }

    boolean flag(String name) {
        return options.containsKey(name);
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
