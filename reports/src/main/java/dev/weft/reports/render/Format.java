package dev.weft.reports.render;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Plain-text formatting of durations, sizes and ratios (ASCII only, for terminals and logs). */
public final class Format {

    private Format() {
    }

    /**
     * {@code 2026-12-01T09:05:03.042Z}: an instant in UTC to the millisecond, as {@code Instant.toString} writes
     * it but always with seconds and milliseconds, and without loading java.time's formatters, which a
     * short report process pays milliseconds for.
     */
    public static String utcMillis(long epochMillis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L), 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(24);
        padded(b, t.getYear(), 4).append('-');
        padded(b, t.getMonthValue(), 2).append('-');
        padded(b, t.getDayOfMonth(), 2).append('T');
        padded(b, t.getHour(), 2).append(':');
        padded(b, t.getMinute(), 2).append(':');
        padded(b, t.getSecond(), 2).append('.');
        return padded(b, (int) Math.floorMod(epochMillis, 1000L), 3).append('Z').toString();
    }

    private static StringBuilder padded(StringBuilder b, int v, int digits) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < digits; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    /** {@code 850 ns}, {@code 12.5 us}, {@code 1.25 ms}, {@code 125 ms}, {@code 2.50 s}. */
    public static String duration(long nanos) {
        if (nanos < 0) {
            return "-" + duration(-nanos);
        }
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return scaled(nanos / 1e3, "us");
        }
        if (nanos < 1_000_000_000) {
            return scaled(nanos / 1e6, "ms");
        }
        return scaled(nanos / 1e9, "s");
    }

    private static String scaled(double v, String unit) {
        String pattern = v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s";
        return String.format(Locale.ROOT, pattern, v, unit);
    }

    /** {@code 812 B}, {@code 12.3 KB}, {@code 4.5 MB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024.0));
    }

    /** {@code 3.92x}. */
    public static String speedUp(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    /** {@code 37%}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** Makes recorded text safe for a terminal: control characters become spaces, long text is cut. */
    public static String safe(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        if (s.length() > max) {
            b.setLength(Math.max(0, max - 1));
            b.append('~');
        }
        return b.toString();
    }
}
