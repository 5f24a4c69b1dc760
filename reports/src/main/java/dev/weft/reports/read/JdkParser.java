package dev.weft.reports.read;

import dev.weft.reports.model.ModelBuilder;

import java.nio.file.Path;

import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a recording with the JDK's own parser ({@link RecordingFile}): the reference the focused
 * parser is tested against, and what reads the files that one declines.
 */
final class JdkParser {

    private JdkParser() {
    }

    /** Feeds every event of {@code jfr} to {@code sink}; damage after some events makes the model partial. */
    static void read(Path jfr, String name, EventSink sink, ModelBuilder builder) throws RecordingException {
        RecordingFile file;
        try {
            file = new RecordingFile(jfr);
        } catch (java.io.IOException | RuntimeException | InternalError e) {
            throw new RecordingException("cannot read " + name + ": " + JfrReader.describe(e));
        }
        RecordedEventView view = new RecordedEventView();
        try (ParseAhead ahead = ParseAhead.start(file)) {
            while (true) {
                ParseAhead.Batch batch = ahead.next();
                for (int i = 0; i < batch.size; i++) {
                    RecordedEventView.TypeInfo type = view.of(batch.events[i]);
                    RecordedEventView.TypeInfo first = view.takeNew();
                    if (first != null) {
                        first.mismatches().forEach(problem -> builder.warning(WeftSchema.warning(problem)));
                    }
                    sink.accept(type.code(), type.name(), view);
                }
                Throwable e = batch.failure;
                if (e instanceof Error error && !(e instanceof InternalError)) {
                    throw error; // out of memory, not damage: Reports says so
                }
                if (e != null) {
                    if (builder.eventCount() == 0) {
                        throw new RecordingException("cannot read " + name + ": " + JfrReader.describe(e));
                    }
                    builder.partial("the recording is truncated or corrupt; the report shows the "
                            + builder.eventCount() + " events read before the damage ("
                            + JfrReader.describe(e) + ")");
                }
                if (batch.closeFailure != null) {
                    builder.warning("closing the recording failed: " + JfrReader.describe(batch.closeFailure));
                }
                if (batch.last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordingException("interrupted while reading " + name);
        }
    }
}
