package dev.weft.reports.model;

import java.util.Locale;

/**
 * What the model may still hold, in {@link ModelBuilder#SPAN_BYTES} units: the heap is finite, recordings are
 * not. Past it, spans, wakes and new threads are counted and left out.
 *
 * <p>What is left out is the recording's end, whatever the file order. JFR writes events by thread buffer: a
 * long wait when it ends, the threads' start events with their parent's buffer, so what comes late in the
 * file may have begun early. The budget keeps what it holds in a histogram by start time; when something
 * arrives that began before the latest of it and there is no room, the latest goes (the {@link #cut} moves
 * back to its start) and the model drops it at the next compaction ({@link #compactionDue}). What the
 * model holds is then always everything that began before the cut, and nothing after: the whole of a time
 * prefix, as long as it fits, in one reading.
 */
final class HeapBudget {

    private static final long THREAD_UNITS = ModelBuilder.THREAD_BYTES / ModelBuilder.SPAN_BYTES;
    /** Compact once this share of the budget is held by what the cut passed: the heap it takes until then. */
    private static final int COMPACT_PERCENT = 10;

    private long units = Long.MAX_VALUE;
    private long given = Long.MAX_VALUE;
    private long spansLeftOut;
    /** Everything that begins at or after it is left out; {@code Long.MAX_VALUE} while nothing is. */
    private long cut = Long.MAX_VALUE;
    /** What the model holds, by start: only with a budget given. */
    private ChargeHistogram held;
    /** Units given back by moving the cut whose rows the model still holds. */
    private long passed;
    /** {@link #passed} past which the model compacts (asked at every event: no division there). */
    private long compactAt = Long.MAX_VALUE;
    /** Whether the cut fell inside a bucket since the last compaction. */
    private boolean stranded;
    private int strandedCompactions;
    private static final int STRANDED_COMPACTIONS = 64;
    /** Units taken by what no cut gives back: the model's strings, the reader's index of the chunk it reads. */
    private long fixedUnits;
    private long fixedBytes;
    private long stringBytes;
    private long readerBytes;

    void give(long bytes) {
        fixedBytes = stringBytes + readerBytes; // what was held before there was a budget
        fixedUnits = Math.floorDiv(fixedBytes, ModelBuilder.SPAN_BYTES);
        units = Math.max(0, bytes) / ModelBuilder.SPAN_BYTES - fixedUnits;
        given = bytes;
        compactAt = Math.max(0, bytes) / ModelBuilder.SPAN_BYTES / 100 * COMPACT_PERCENT;
        held = new ChargeHistogram();
    }

    /** Takes room for a span (or wake) starting at {@code start}; {@code false}, counted, when none is left. */
    boolean keepSpan(long start) {
        if (take(1, start)) {
            return true;
        }
        spansLeftOut++;
        return false;
    }

    /**
     * Whether a span (or wake) starting at {@code start} is past the cut: counted then, as {@link #keepSpan}
     * would, and the caller need not decode it. {@code false}: ask {@link #keepSpan}.
     */
    boolean pastCut(long start) {
        if (start < cut || cut == Long.MAX_VALUE) {
            return false;
        }
        spansLeftOut++;
        return true;
    }

    /** Takes room for a thread named by an event at {@code time}; {@code false} when none is left. */
    boolean keepThread(long time) {
        return take(THREAD_UNITS, time);
    }

    /**
     * A thread charged at {@code from} (or, at {@code Long.MAX_VALUE}, before any time was known) turned out
     * to have begun at {@code to}, earlier: its charge moves there, so that it goes when what began at
     * {@code to} goes. If the cut had taken it already, it is taken again; with no room, the cut moves to
     * {@code to} and the thread will go with it.
     */
    void threadBeganAt(long from, long to) {
        if (held == null) {
            return;
        }
        if (from == Long.MAX_VALUE) {
            held.add(to, THREAD_UNITS);
        } else if (from < cut || cut == Long.MAX_VALUE) {
            held.remove(from, THREAD_UNITS);
            held.add(to, THREAD_UNITS);
        } else {
            take(THREAD_UNITS, to);
        }
    }

    /** The model's strings now take {@code total} bytes: room no cut gives back (a stack's text may be kilobytes). */
    void strings(long total) {
        if (total != stringBytes) {
            fixed(total - stringBytes);
            stringBytes = total;
        }
    }

    /**
     * The reader now holds {@code bytes} beside the model (its index of the constant pools of the chunks it
     * reads: a chunk of a million threads' recording indexes 300,000 of them in 12 MB), instead of what it said
     * before.
     */
    void reader(long bytes) {
        fixed(bytes - readerBytes);
        readerBytes = bytes;
    }

    /** What the model may take grows or shrinks by {@code bytes}: what began latest makes way at the next take. */
    private void fixed(long bytes) {
        if (held == null || bytes == 0) {
            return;
        }
        fixedBytes += bytes;
        long more = Math.floorDiv(fixedBytes, ModelBuilder.SPAN_BYTES) - fixedUnits;
        fixedUnits += more;
        units -= more;
    }

    /** A span (or wake) of a thread that was left out: counted. */
    void spanOfThreadLeftOut() {
        spansLeftOut++;
    }

    private boolean take(long n, long time) {
        if (time >= cut && cut != Long.MAX_VALUE) {
            return false; // it would be cut away
        }
        if (units < n && held != null) {
            // what began after this goes first: the model keeps the earliest
            long freed = held.removeAfter(time, n - units);
            if (freed > 0) {
                units += freed;
                passed += freed;
                cut = Math.min(cut, held.removedFrom());
            }
        }
        if (units >= n) {
            units -= n;
            if (held != null && time != Long.MAX_VALUE) { // no time yet: placed by threadBeganAt
                held.add(time, n);
            }
            return true;
        }
        if (time < cut) {
            // no room even without all that began later: the cut falls inside the bucket of what the model
            // holds, whose charges past it the histogram cannot tell apart; a compaction gives them back
            cut = time;
            stranded = held != null;
        }
        return false;
    }

    /**
     * Whether the model should drop what the cut passed now: it holds too much of the budget, or the cut fell
     * inside a bucket (at most {@value #STRANDED_COMPACTIONS} times a reading: each costs a pass over the model).
     */
    boolean compactionDue() {
        return passed > compactAt || stranded && strandedCompactions < STRANDED_COMPACTIONS;
    }

    /** Whether the model's charges are kept by time, to be given back: only with a budget. */
    boolean byTime() {
        return held != null;
    }

    /**
     * The model dropped what the cut passed ({@code spans} rows) and charged what it still holds to
     * {@code kept}, {@code unplaced} units of it at no known time: what is left is exact again.
     */
    void compacted(long spans, ChargeHistogram kept, long unplaced) {
        spansLeftOut += spans;
        passed = 0;
        if (held != null) {
            held = kept;
            units = given / ModelBuilder.SPAN_BYTES - kept.total() - unplaced - fixedUnits;
            strandedCompactions += stranded ? 1 : 0;
            stranded = false;
        }
    }

    /** Whether anything with a time was left out: then the model is cut at {@link #cut}. */
    boolean leavingOut() {
        return cut != Long.MAX_VALUE;
    }

    long cut() {
        return cut;
    }

    /**
     * Why the model is partial, or {@code null} when nothing was left out; {@code start} and {@code end} are the
     * model's, {@code recorded} the end of the recording's last event, {@code threadsLeftOut} the threads that
     * are not in the model (put in words only for the note: a whole report need not format anything).
     */
    String partialReason(long start, long end, long recorded, ThreadsLeftOut threadsLeftOut) {
        if (spansLeftOut == 0 && threadsLeftOut.none() && !leavingOut()) {
            return null;
        }
        String shown = leavingOut() ? String.format(Locale.ROOT, "its first %.3f s of %.3f s", (end - start) / 1e9,
                (Math.max(recorded, end) - start) / 1e9) : "what came first in the file";
        return String.format(Locale.ROOT, "the recording holds more than fits in this JVM's heap for a timeline "
                + "(%,d MB of model allowed): the timeline shows %s; %,d spans and wakes and %s threads after "
                + "that were left out; event counts cover it all; give the JVM a larger heap (-Xmx) to see "
                + "everything", given >> 20, shown, spansLeftOut, threadsLeftOut.text());
    }
}
