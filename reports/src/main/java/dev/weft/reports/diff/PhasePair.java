package dev.weft.reports.diff;

/**
 * One phase of the diff: the same phase before and after, or a phase only one side has.
 *
 * @param before the phase in the first recording, null when only the second has it
 * @param after  the phase in the second recording, null when only the first has it
 * @param match  how the two were paired
 */
public record PhasePair(Figures.OfPhase before, Figures.OfPhase after, Match match) {

    /** How a pair was made. */
    public enum Match {
        /** Both phases have the same name. */
        NAME,
        /** Names differ; the phases left over on each side were as many, and were paired in time order. */
        ORDER,
        /** Only the first recording has it. */
        BEFORE_ONLY,
        /** Only the second recording has it. */
        AFTER_ONLY;

        /** The word used in the JSON and the page: {@code name}, {@code order}, {@code before-only}, {@code after-only}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The name to show: the common name, or {@code before → after} when the names differ. */
    public String name() {
        if (before == null) {
            return after.name();
        }
        if (after == null || after.name().equals(before.name())) {
            return before.name();
        }
        return before.name() + " \u2192 " + after.name();
    }

    /** {@code after / before}, or NaN when either is missing or before is 0 (no ratio). */
    public static double ratio(double before, double after) {
        return before == 0 ? Double.NaN : after / before;
    }
}
