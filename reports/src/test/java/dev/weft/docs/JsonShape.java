package dev.weft.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The shape of a JSON document as a command really wrote it: its field names, nested, with the
 * maps keyed by data (wait kinds) folded into one {@code kind} key. The docs list a schema's fields
 * from this, so a field renamed, added or dropped in the writer changes the docs' table.
 */
public final class JsonShape {

    private final Predicate<String> dataKey;

    /** @param dataKey whether an object's key is data rather than a field name (e.g. a wait kind) */
    public JsonShape(Predicate<String> dataKey) {
        this.dataKey = dataKey;
    }

    /** A Markdown table of the top-level fields: {@code | field | shape |}; arrays as {@code name[]}. */
    public String markdownTable(Map<String, Object> document) {
        StringBuilder b = new StringBuilder("| field | shape |\n|---|---|\n");
        for (Map.Entry<String, Object> e : document.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> list) {
                b.append("| `").append(e.getKey()).append("[]` | ").append(cell(shape(merge(list)))).append(" |\n");
            } else {
                b.append("| `").append(e.getKey()).append("` | ").append(cell(shape(v))).append(" |\n");
            }
        }
        return b.toString();
    }

    /** Every field name at every depth, data keys left out. */
    public Set<String> fieldNames(Object value) {
        Set<String> names = new LinkedHashSet<>();
        collect(value, names);
        return names;
    }

    private void collect(Object value, Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!dataKey.test((String) e.getKey())) {
                    names.add((String) e.getKey());
                }
                collect(e.getValue(), names);
            }
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, names));
        }
    }

    private static String cell(String shape) {
        return shape.startsWith("{") || shape.startsWith("[") ? "`" + shape + "`" : shape;
    }

    /** {@code {a, b: {c}, kind: number}}, {@code [string]}, {@code number} …; nested scalars by name only. */
    String shape(Object v) {
        if (v instanceof Map<?, ?> map) {
            if (!map.isEmpty() && map.keySet().stream().allMatch(k -> dataKey.test((String) k))) {
                Object values = merge(new ArrayList<>(map.values()));
                return "{kind: " + shape(values) + "}";
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object value = e.getValue();
                boolean nested = value instanceof Map<?, ?> || value instanceof List<?>;
                parts.add(e.getKey() + (nested ? ": " + shape(value) : ""));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> list) {
            return "[" + shape(merge(list)) + "]";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        return "null";
    }

    /** The elements of an array (or the values of a kind map) as one: the union of their fields. */
    public static Object merge(List<?> values) {
        Object merged = null;
        for (Object v : values) {
            merged = merge(merged, v);
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object a, Object b) {
        if (a == null) {
            return b;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) ma);
            ((Map<String, Object>) mb).forEach((k, v) -> m.put(k, merge(m.get(k), v)));
            return m;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            List<Object> l = new ArrayList<>(la);
            l.addAll(lb);
            return l;
        }
        return a;
    }
}
