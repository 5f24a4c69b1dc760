package dev.weft.agent;

import java.util.Locale;

/** Sizes and durations as options give them: {@code 250m}, {@code 2g}, {@code 30m}, {@code 7d}, {@code none}. */
public final class Limits {

    private Limits() { }

    /** Bytes of {@code 250m}, {@code 2g}, {@code 512k}, {@code 1048576}; 0 for {@code none} or {@code 0}; -1 if unreadable. */
    public static long parseSize(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return 0;
        }
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            case 't' -> unit = 1L << 40;
            default -> { }
        }
        return times(unit == 1 ? t : t.substring(0, t.length() - 1), unit);
    }

    /** Milliseconds of {@code 500ms}, {@code 20s}, {@code 30m}, {@code 12h}, {@code 7d}; 0 for {@code none} or {@code 0}; -1 if unreadable. */
    public static long parseMillis(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.equals("0")) {
            return 0;
        }
        String[][] units = {{"ms", "1"}, {"s", "1000"}, {"min", "60000"}, {"m", "60000"}, {"h", "3600000"},
            {"d", "86400000"}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                return times(t.substring(0, t.length() - u[0].length()).strip(), Long.parseLong(u[1]));
            }
        }
        return -1;
    }

    private static long times(String number, long unit) {
        try {
            long n = Long.parseLong(number.strip());
            return n < 0 || n > Long.MAX_VALUE / unit ? -1 : n * unit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
