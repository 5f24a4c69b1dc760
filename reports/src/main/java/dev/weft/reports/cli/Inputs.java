package dev.weft.reports.cli;

import dev.weft.reports.ReportException;
import dev.weft.reports.recover.Recovery;

import java.io.PrintStream;
import java.nio.file.Path;

/** The recording a command reads: the file given, or what a killed JVM left of it (said on stderr). */
final class Inputs {

    private Inputs() {
    }

    static Recovery.Input resolve(Path given, PrintStream err) throws ReportException {
        Recovery.Input input = Recovery.resolve(given);
        if (input.note() != null) {
            err.println(Main.NAME + ": " + input.note());
        }
        return input;
    }
}
