package dev.weft.reports.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data a report page embeds, as a test reads it. */
public final class PageData {

    /** A lane's fields in the order {@code DataWriter} writes them and the viewer reads them. */
    private static final List<String> THREAD_FIELDS = List.of("id", "name", "flags", "parent", "start", "end", "work",
            "idle", "other", "wait", "pins");

    /** A phase's fields in the order {@code DataWriter} writes them and the viewer reads them. */
    private static final List<String> PHASE_FIELDS = List.of("name", "method", "group", "start", "end", "wall",
            "inFlight", "inFlightTime", "inFlightPeak", "running", "runningTime", "runningPeak", "blocked",
            "blockedShare", "idle", "threadTime", "threads", "blockedByKind");

    private PageData() {
    }

    /** The page's data, parsed. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(String page) {
        String open = "<script type=\"application/json\" id=\"weft-data\">";
        int a = page.indexOf(open);
        if (a < 0) {
            throw new AssertionError("the page holds no data element");
        }
        return (Map<String, Object>) Json.parse(page.substring(a + open.length(), page.indexOf("</script>", a)));
    }

    /** The lanes of {@code data}, each by the names of its fields. */
    public static List<Map<String, Object>> threads(Map<String, Object> data) {
        return rows(data, "threads", THREAD_FIELDS);
    }

    /**
     * The phases of {@code data}, each by the names of its fields, as the viewer reads them: name and method
     * looked up in the page's strings, blocked time by kind name.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> phases(Map<String, Object> data) {
        List<Object> strings = (List<Object>) data.get("strings");
        List<Object> kinds = (List<Object>) data.get("kinds");
        List<Map<String, Object>> phases = rows(data, "phases", PHASE_FIELDS);
        for (Map<String, Object> p : phases) {
            p.put("name", text(strings, p.get("name")));
            p.put("method", text(strings, p.get("method")));
            List<Object> flat = (List<Object>) p.get("blockedByKind");
            Map<String, Object> byKind = new LinkedHashMap<>();
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                byKind.put((String) kinds.get(((Number) flat.get(i)).intValue()), flat.get(i + 1));
            }
            p.put("blockedByKind", byKind);
        }
        return phases;
    }

    /** A string of the page by its id, {@code null} for -1, as the viewer reads it. */
    private static Object text(List<Object> strings, Object id) {
        int i = ((Number) id).intValue();
        return i < 0 ? null : strings.get(i);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> data, String key, List<String> fields) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object row : (List<Object>) data.get(key)) {
            List<Object> values = (List<Object>) row;
            if (values.size() != fields.size()) {
                throw new AssertionError("a row of " + key + " with " + values.size() + " fields: " + values);
            }
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                named.put(fields.get(i), values.get(i));
            }
            rows.add(named);
        }
        return rows;
    }
}
