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
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> threads(Map<String, Object> data) {
        List<Map<String, Object>> threads = new ArrayList<>();
        for (Object row : (List<Object>) data.get("threads")) {
            List<Object> values = (List<Object>) row;
            if (values.size() != THREAD_FIELDS.size()) {
                throw new AssertionError("a lane of " + values.size() + " fields: " + values);
            }
            Map<String, Object> thread = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                thread.put(THREAD_FIELDS.get(i), values.get(i));
            }
            threads.add(thread);
        }
        return threads;
    }
}
