package dev.weft.reports.model;

import java.util.Locale;

/**
 * The threads the model's budget left out, each counted once however often its events name it, and
 * uncounted again when one gets its place after all (named again, earlier than the cut, with room).
 */
final class ThreadsLeftOut {

    /** How many ids it keeps at most with the largest budgets (12 MB of table). */
    static final int MOST = 1 << 18;
    /**
     * Heap an id takes at most: a key and a value (12 bytes) in a table at most half full, a quarter full
     * just after it doubled.
     */
    private static final int ID_BYTES = 48;
    /** How many ids it keeps: beyond that they would take the heap the model is given. */
    private int tracked = MOST;
    /** The ids: 0 while left out, 1 once taken in after all. */
    private final LongIntMap ids = new LongIntMap();
    private long count;
    private boolean more;

    void add(long id) {
        int was = ids.get(id);
        if (was == 0) {
            return;
        }
        if (was < 0 && ids.size() >= tracked) {
            more = true;
            return;
        }
        ids.put(id, 0);
        count++;
    }

    /**
     * Keeps no more ids than take a sixteenth of a model's budget of {@code budgetBytes}, uncharged beside it:
     * the exit report's child at 48 MB has 32 MB of budget, and a million threads left out took 12 MB.
     */
    void limitTo(long budgetBytes) {
        tracked = (int) Math.max(1024, Math.min(MOST, budgetBytes / 16 / ID_BYTES));
    }

    /** The thread {@code id} is in the model now. */
    void takenIn(long id) {
        if (ids.get(id) == 0) {
            ids.put(id, 1);
            count--;
        }
    }

    /** Whether no thread was left out. */
    boolean none() {
        return count == 0 && !more;
    }

    /** How many, as the partial note says it: "12,345", or "more than 43,690". */
    String text() {
        return (more ? "more than " : "") + String.format(Locale.ROOT, "%,d", count);
    }
}
