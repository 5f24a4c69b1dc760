/**
 * The command line: {@code java -jar reports.jar [html] <file.jfr> [-o out.html]}, {@code summary},
 * {@code json} and {@code trace}; one class per command, dispatched by {@link dev.weft.reports.cli.Main}.
 * Exit codes: 0 done, 1 the recording could not be read or the output written (one line), 2 usage.
 */
package dev.weft.reports.cli;
