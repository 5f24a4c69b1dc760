package dev.weft.bench;

import java.util.ArrayList;
import java.util.List;

/** The results as one Markdown table: readable in a terminal, pasteable into an issue. */
final class Table {

    static final String[] HEADER = {"what", "baseline", "with agent", "difference", "goal", "met?"};

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void row(String what, String baseline, String withAgent, String difference, String goal, String met) {
        rows.add(new String[] {what, baseline, withAgent, difference, goal, met});
    }

    void note(String line) {
        notes.add(line);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * "yes" when the whole error bar is within the goal, "no" when all of it is beyond, else
     * "within noise": on a shared machine a point estimate alone would claim too much.
     */
    static String verdict(double difference, double error, double goal) {
        if (Double.isNaN(error)) {
            return difference <= goal ? "yes" : "no";
        }
        if (difference + error <= goal) {
            return "yes";
        }
        if (difference - error > goal) {
            return "no";
        }
        return "within noise";
    }

    String render() {
        int[] width = new int[HEADER.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (String[] r : all) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, HEADER, width);
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
            rule.append("-".repeat(w + 2)).append('|');
        }
        s.append(rule).append('\n');
        for (String[] r : rows) {
            line(s, r, width);
        }
        if (!notes.isEmpty()) {
            s.append('\n');
            for (String n : notes) {
                s.append(n).append('\n');
            }
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String[] cells, int[] width) {
        s.append('|');
        for (int i = 0; i < cells.length; i++) {
            s.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
        }
        s.append('\n');
    }
}
