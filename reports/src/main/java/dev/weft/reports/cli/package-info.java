/**
 * The command line: {@code java -jar reports.jar [html] <file.jfr> [-o out.html]} and
 * {@code summary <file.jfr>}; one class per command, dispatched by {@link dev.weft.reports.cli.Main}.
 */
package dev.weft.reports.cli;
