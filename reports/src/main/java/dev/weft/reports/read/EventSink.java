package dev.weft.reports.read;

/** Where a parser delivers events, in file order. */
interface EventSink {

    /** One event of the type named {@code type}, with code {@code code} ({@link EventFields}). */
    void accept(int code, String type, EventView event);
}
