package dev.weft.reports.analyse;

import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a method filter in the syntax of JEP 520, which the agent's workload filter and the phase
 * filter both read: entries separated by {@code ;}, white space around each ignored, empty ones skipped.
 */
public final class FilterEntries {

    private FilterEntries() {
    }

    /** The entries of {@code text}, stripped, in order; none for {@code null}. */
    public static List<String> of(String text) {
        List<String> entries = new ArrayList<>();
        if (text != null) {
            for (String raw : text.split(";")) {
                String e = raw.strip();
                if (!e.isEmpty()) {
                    entries.add(e);
                }
            }
        }
        return entries;
    }
}
