/**
 * Streams a {@code .jfr} file event by event with {@link jdk.jfr.consumer.RecordingFile} into a
 * {@link dev.weft.reports.model.ModelBuilder}; never loads all events at once. The chunk headers are
 * checked first, so that damaged files give one clear line or a partial model of their sound chunks,
 * and the parser runs under a watchdog, so that no file can hang a report.
 */
package dev.weft.reports.read;
