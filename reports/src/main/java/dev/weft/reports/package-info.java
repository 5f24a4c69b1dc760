/**
 * Weft reports: reads a JFR recording made with the Weft agent (or without it) and renders a
 * single-file HTML timeline of which threads ran at the same time and where each one waited.
 *
 * <p>The entry point is {@link dev.weft.reports.Reports#writeHtml(java.nio.file.Path, java.nio.file.Path)};
 * the pipeline is {@code read → model → analyse → render}, and {@code cli} is the command line.
 */
package dev.weft.reports;
