package dev.weft.reports.render;

import java.util.Locale;

/** Plain-text formatting of durations, sizes and ratios (ASCII only, for terminals and logs). */
public final class Format {

    private Format() {
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
