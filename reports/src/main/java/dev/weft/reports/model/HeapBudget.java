package dev.weft.reports.model;

import java.util.Locale;

/**
 * What the model may still hold, in {@link ModelBuilder#SPAN_BYTES} units: the heap is finite, recordings are
 * not. Past it, spans, wakes and new threads are counted and left out.
 *
 * <p>They are left out in file order, which is not time order: each thread's events reach the file with its
 * buffer, a long wait when it ends, and the threads' start events with their parent's buffer. A model that
 * kept whatever came first would draw threads without their spans and spans after gaps. So the budget also
 * remembers the earliest start of anything left out, and the model is then cut there
 * ({@link ModelBuilder#build}): a partial model is the whole of a time prefix, not a sample of the recording.
 */
final class HeapBudget {

    /** The part of the budget a second reading fills: what a thread is charged when first named may come later. */
    private static final int PREFIX_PERCENT = 90;

    private long units = Long.MAX_VALUE;
    private long given = Long.MAX_VALUE;
    private long spansLeftOut;
    /** The earliest start of anything left out; {@code Long.MAX_VALUE} while nothing is. */
    private long cut = Long.MAX_VALUE;
    /** Whether {@link #cut} was given before reading: a second reading, after the prefix that fits. */
    private boolean preset;
    /** Every charge, kept or not, by time: only with a budget given. */
    private ChargeHistogram charges;

    void give(long bytes) {
        units = Math.max(0, bytes) / ModelBuilder.SPAN_BYTES;
        given = bytes;
        charges = new ChargeHistogram();
    }

    /** Leaves out everything that begins at or after {@code time}, and cuts the model there. */
    void cutFrom(long time) {
        cut = time;
        preset = true;
    }

    /** Takes room for a span (or wake) starting at {@code start}; {@code false}, counted, when none is left. */
    boolean keepSpan(long start) {
        if (take(1, start, true)) {
            return true;
        }
        spansLeftOut++;
        return false;
    }

    /**
     * Whether a span (or wake) starting at {@code start} is past the cut: then it is charged and counted as
     * {@link #keepSpan} would, and the caller need not decode it. {@code false}: ask {@link #keepSpan}.
     */
    boolean pastCut(long start) {
        if (start < cut || cut == Long.MAX_VALUE) {
            return false;
        }
        if (charges != null) {
            charges.add(start, 1);
        }
        spansLeftOut++;
        return true;
    }

    /**
     * Takes room for a thread named by an event at {@code time}; {@code false} when none is left. {@code first}:
     * the first time it is named (a thread left out is asked for again by its later events, charged once).
     */
    boolean keepThread(long time, boolean first) {
        return take(ModelBuilder.THREAD_BYTES / ModelBuilder.SPAN_BYTES, time, first);
    }

    private boolean take(long n, long time, boolean charge) {
        if (charge && charges != null) {
            charges.add(time, n);
        }
        if (time >= cut && cut != Long.MAX_VALUE) {
            return false; // it would be cut away
        }
        if (units >= n) {
            units -= n;
            return true;
        }
        units = 0;
        lostAt(time);
        return false;
    }

    /** Something that began at {@code time} was left out. */
    void lostAt(long time) {
        if (time < cut) {
            cut = time;
        }
    }

    /**
     * Where a second reading should cut so that all it keeps fits: the latest time before which everything
     * charged comes to a {@value #PREFIX_PERCENT} % of the budget; {@code Long.MAX_VALUE} when a second reading
     * would not show more than this one (nothing was left out, or the cut would come no later).
     */
    long prefixThatFits() {
        if (preset || charges == null || cut == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long prefix = charges.prefixWithin(given / ModelBuilder.SPAN_BYTES * PREFIX_PERCENT / 100);
        return prefix > cut && prefix != Long.MAX_VALUE ? prefix : Long.MAX_VALUE;
    }

    /** Whether anything with a time was left out: then the model is cut at {@link #cut}. */
    boolean leavingOut() {
        return cut != Long.MAX_VALUE;
    }

    long cut() {
        return cut;
    }

    /** The cut left out these too. */
    void cutAway(long spans) {
        spansLeftOut += spans;
    }

    /**
     * Why the model is partial, or {@code null} when nothing was left out; {@code start} and {@code end} are the
     * model's, {@code recorded} the end of the recording's last event, {@code threadsLeftOut} the threads not
     * in the model.
     */
    String partialReason(long start, long end, long recorded, long threadsLeftOut) {
        if (spansLeftOut == 0 && threadsLeftOut == 0) {
            return null;
        }
        String shown = leavingOut() ? String.format(Locale.ROOT, "its first %.3f s of %.3f s", (end - start) / 1e9,
                (Math.max(recorded, end) - start) / 1e9) : "what came first in the file";
        return String.format(Locale.ROOT, "the recording holds more than fits in this JVM's heap for a timeline "
                + "(%,d MB of model allowed): the timeline shows %s; %,d spans and wakes and %,d threads after "
                + "that were left out; event counts cover it all; give the JVM a larger heap (-Xmx) to see "
                + "everything", given >> 20, shown, spansLeftOut, threadsLeftOut);
    }
}
