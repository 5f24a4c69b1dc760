/**
 * Streams a {@code .jfr} file event by event with {@link jdk.jfr.consumer.RecordingFile} into a
 * {@link dev.weft.reports.model.ModelBuilder}; never loads all events at once.
 */
package dev.weft.reports.read;
