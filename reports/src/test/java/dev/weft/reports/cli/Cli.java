package dev.weft.reports.cli;

import dev.weft.testkit.InProcessCli;

/** Runs the command line in-process and captures what it printed. */
final class Cli {

    record Result(int code, String out, String err) {
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\\R");
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        InProcessCli.Output o = InProcessCli.run(Main::run, args);
        return new Result(o.code(), o.out(), o.err());
    }
}
