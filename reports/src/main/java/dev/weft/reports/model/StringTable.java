package dev.weft.reports.model;

import java.util.ArrayList;
import java.util.HashMap;

/** Interned strings by dense id; {@code -1} stands for {@code null}. */
public final class StringTable {

    /** The id of {@code null}. */
    public static final int NONE = -1;

    private final HashMap<String, Integer> ids = new HashMap<>();
    private final ArrayList<String> values = new ArrayList<>();
    /**
     * The string instances asked for lately, by their hash, and their ids. The reader hands out one instance
     * per string and chunk, but each chunk makes its own: the table's key is another instance, and a map
     * lookup compared the two char by char, a stack's text on every event of every chunk after the first.
     */
    private final String[] seen = new String[1024];
    private final int[] seenIds = new int[1024];
    /** What the strings added take, at most: the model's budget charges it (a stack's text may be kilobytes). */
    private long bytes;

    /** A copy with the same ids, that later additions to either do not reach. */
    public StringTable copy() {
        StringTable c = new StringTable();
        c.ids.putAll(ids);
        c.values.addAll(values);
        c.bytes = bytes;
        return c;
    }

    /** Returns the id of {@code value}, adding it if new; {@link #NONE} for {@code null}. */
    public int id(String value) {
        if (value == null) {
            return NONE;
        }
        int slot = value.hashCode() & (seen.length - 1);
        if (seen[slot] == value) {
            return seenIds[slot];
        }
        Integer known = ids.get(value);
        int id = known != null ? known : values.size();
        if (known == null) {
            values.add(value);
            ids.put(value, id);
            bytes += footprint(value);
        }
        seen[slot] = value;
        seenIds[slot] = id;
        return id;
    }

    /** Returns the id of {@code value} without adding it, or {@link #NONE} when unknown. */
    public int find(String value) {
        if (value == null) {
            return NONE;
        }
        Integer id = ids.get(value);
        return id == null ? NONE : id;
    }

    /** The string of {@code id}, {@code null} for {@link #NONE}. */
    public String get(int id) {
        return id < 0 ? null : values.get(id);
    }

    public int size() {
        return values.size();
    }

    /** Heap the strings added so far take, at most: their text, two bytes a char, and the entries that index them. */
    public long bytes() {
        return bytes;
    }

    /** A string (header, array), its map entry and boxed id, its list slot: about 100 bytes beyond the text. */
    static long footprint(String value) {
        return 2L * value.length() + 100;
    }
}
