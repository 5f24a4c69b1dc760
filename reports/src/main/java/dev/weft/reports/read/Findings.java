package dev.weft.reports.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the focused parser found damaged while reading: JFR has no checksum, but it writes much twice
 * (sizes and the bytes they cover, header times and the events' ticks, references and the constants
 * they name), and what does not agree means the file cannot be trusted as it is. Each finding becomes
 * one line of the report's warnings, and makes the report partial.
 */
final class Findings {

    private static final int DETAILS = 3;

    private final List<String> damage = new ArrayList<>();
    private long badEvents;
    private final List<String> eventDetails = new ArrayList<>();
    private long lostBytes;
    private final List<String> lostDetails = new ArrayList<>();

    /** The chunk or file cannot be trusted, for the reason given. */
    void damage(String what) {
        if (damage.size() < 20 && !damage.contains(what)) {
            damage.add(what);
        }
    }

    /** An event was left out: its content disagrees with its size or its chunk. */
    void event(String chunk, long at, String type, String problem) {
        badEvents++;
        if (eventDetails.size() < DETAILS) {
            eventDetails.add(type + " at byte " + at + " of the file (" + chunk + "): " + problem);
        }
    }

    /** Bytes of events were passed over: the event at {@code at} could not be read. */
    void lost(String chunk, long at, long bytes, String what) {
        lostBytes += bytes;
        if (lostDetails.size() < DETAILS) {
            lostDetails.add(what + " at byte " + at + " (" + chunk + ")");
        }
    }

    boolean any() {
        return !damage.isEmpty() || badEvents > 0 || lostBytes > 0;
    }

    /** One line per kind of finding. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String d : damage) {
            lines.add("the recording looks damaged: " + d);
        }
        if (badEvents > 0) {
            lines.add(String.format(Locale.ROOT, "the recording looks damaged: %,d %s left out: %s", badEvents,
                    badEvents == 1 ? "event was" : "events were", String.join("; ", eventDetails)));
        }
        if (lostBytes > 0) {
            lines.add(String.format(Locale.ROOT, "the recording looks damaged: %s of events could not be read and "
                    + "were passed over: %s", ChunkScan.bytes(lostBytes), String.join("; ", lostDetails)));
        }
        return lines;
    }
}
