package dev.weft.reports.model;

import java.util.Locale;

/**
 * The threads the model's budget left out, each counted once however often its events name it, and
 * uncounted again when one gets its place after all (named again, earlier than the cut, with room).
 */
final class ThreadsLeftOut {

    /** How many ids it keeps at most (about 6 MB): beyond that they would take the heap the model is given. */
    private static final int TRACKED = 1 << 18;
    /** The ids: 0 while left out, 1 once taken in after all. */
    private final LongIntMap ids = new LongIntMap();
    private long count;
    private boolean more;

    void add(long id) {
        int was = ids.get(id);
        if (was == 0) {
            return;
        }
        if (was < 0 && ids.size() >= TRACKED) {
            more = true;
            return;
        }
        ids.put(id, 0);
        count++;
    }

    /** The thread {@code id} is in the model now. */
    void takenIn(long id) {
        if (ids.get(id) == 0) {
            ids.put(id, 1);
            count--;
        }
    }

    /** How many, as the partial note says it: "12,345", or "more than 262,144". */
    String text() {
        return (more ? "more than " : "") + String.format(Locale.ROOT, "%,d", count);
    }
}
