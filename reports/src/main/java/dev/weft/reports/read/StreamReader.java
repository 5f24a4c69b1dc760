package dev.weft.reports.read;

import dev.weft.reports.model.ModelBuilder;

import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;

/**
 * Reads a JFR event stream's events into a model, one at a time: the JDK's events, through the same
 * view and mapping a file read with the JDK's parser goes through ({@link RecordedEventView},
 * {@link EventMapper}), so a live view and a report cannot differ in what an event means. Its caches
 * hold the builder's threads: make a new one when the builder forgets threads.
 */
public final class StreamReader {

    private final RecordedEventView view = new RecordedEventView();
    private final EventMapper mapper;

    public StreamReader(ModelBuilder builder) {
        this.mapper = new EventMapper(builder);
    }

    /** The event types that mean something to the model; a stream need deliver no others. */
    public static Set<String> eventTypes() {
        return EventFields.typeNames();
    }

    /** Reads one event into the model. */
    public void accept(RecordedEvent event) {
        RecordedEventView.TypeInfo type = view.of(event);
        mapper.accept(type.code(), type.name(), view);
    }
}
