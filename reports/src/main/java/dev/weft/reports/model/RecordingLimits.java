package dev.weft.reports.model;

import java.time.Duration;
import java.util.Locale;

/**
 * How much a recording may keep ({@code maxage=}/{@code maxsize=} of the agent, JFR's own limits)
 * and when it began: when the oldest data left is much younger than the recording, the report says
 * it covers only the last part.
 *
 * @param startEpochMillis when the agent's recording started
 * @param maxAgeMillis     JFR's {@code maxage}, {@code 0} for none
 * @param maxSizeBytes     JFR's {@code maxsize}, {@code 0} for none
 */
public record RecordingLimits(long startEpochMillis, long maxAgeMillis, long maxSizeBytes) {

    /** Less missing than this is JFR's own start-up, not data dropped. */
    private static final long SLACK_NANOS = 2_000_000_000L;

    /** The warning for a recording that kept {@code [start, end]} of what it saw, or {@code null}. */
    static String coverage(RecordingLimits limits, long start, long end) {
        if (limits == null || limits.startEpochMillis <= 0 || start == Long.MAX_VALUE) {
            return null;
        }
        long began = limits.startEpochMillis * 1_000_000L;
        if (start - began <= SLACK_NANOS) {
            return null;
        }
        return String.format(Locale.ROOT, "the recording covers only the last %s of %s: older data was dropped by %s",
                span(end - start), span(end - began), limits.describe());
    }

    /** "maxsize=250 MB", "maxage=30 min", both, or "JFR's limits". */
    String describe() {
        StringBuilder b = new StringBuilder();
        if (maxSizeBytes > 0) {
            b.append("maxsize=").append(maxSizeBytes >= 1L << 30 && maxSizeBytes % (1L << 30) == 0
                    ? maxSizeBytes / (1L << 30) + " GB" : maxSizeBytes / (1L << 20) + " MB");
        }
        if (maxAgeMillis > 0) {
            b.append(b.length() > 0 ? ", " : "").append("maxage=").append(span(maxAgeMillis * 1_000_000L));
        }
        return b.length() == 0 ? "JFR's limits" : b.toString();
    }

    /** "45 s", "12 min", "3.5 h", "2.0 days". */
    static String span(long nanos) {
        Duration d = Duration.ofNanos(Math.max(0, nanos));
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 120 * 60) {
            return s / 60 + " min";
        }
        if (s < 48 * 3600) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
        }
        return String.format(Locale.ROOT, "%.1f days", s / 86400.0);
    }
}
