/**
 * File output shared by the reports and the agent: writing a file whole or not at all
 * ({@link dev.weft.reports.io.AtomicFile}) and short reasons for I/O failures.
 */
package dev.weft.reports.io;
