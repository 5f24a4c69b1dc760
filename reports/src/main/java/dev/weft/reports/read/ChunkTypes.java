package dev.weft.reports.read;


import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The types of one chunk, from its metadata event: each type's id, name and fields, in the order their
 * values are written. The metadata is a string table followed by a tree of elements ({@code class},
 * {@code field}, {@code annotation}, {@code setting}) whose attributes are indexes into the table.
 */
final class ChunkTypes {

    /** Type id of the metadata event. */
    static final long METADATA = 0;
    /** Type id of a checkpoint (constant pool) event. */
    static final long CHECKPOINT = 1;

    /** How a value of a type is encoded. */
    static final int BOOLEAN = 1;
    static final int BYTE = 2;
    static final int SHORT = 3;
    static final int CHAR = 4;
    static final int INT = 5;
    static final int LONG = 6;
    static final int FLOAT = 7;
    static final int DOUBLE = 8;
    static final int STRING = 9;
    static final int STRUCT = 10;

    /** One type. */
    static final class Type {
        final long id;
        final String name;
        final boolean event;
        final int encoding;
        Field[] fields = new Field[0];
        /** Where this type's constants lie in the chunk, by key; {@code null} when it has no pool. */
        PoolIndex constants;

        Type(long id, String name, boolean event) {
            this.id = id;
            // one instance a name across chunks: the model counts events by type name, per event
            this.name = name.intern();
            this.event = event;
            this.encoding = encodingOf(name);
        }

        /** The index of the field named {@code name}, {@code -1} if none. */
        int field(String fieldName) {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].name.equals(fieldName)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public String toString() {
            return name + "#" + id;
        }
    }

    /** One field of a type. */
    static final class Field {
        final String name;
        final Type type;
        /** The value is a key into the constant pool of {@link #type}. */
        final boolean constant;
        final boolean array;

        Field(String name, Type type, boolean constant, boolean array) {
            this.name = name;
            this.type = type;
            this.constant = constant;
            this.array = array;
        }
    }

    private final Map<Long, Type> byId;
    private final Type[] dense;

    private ChunkTypes(Map<Long, Type> byId) {
        this.byId = byId;
        long max = -1;
        for (long id : byId.keySet()) {
            max = Math.max(max, id);
        }
        // event type ids are small numbers in practice: an array lookup per event
        dense = max >= 0 && max < (1 << 16) ? new Type[(int) max + 1] : null;
        if (dense != null) {
            for (Type t : byId.values()) {
                dense[(int) t.id] = t;
            }
        }
    }

    /** The type with this id, {@code null} if the metadata has none. */
    Type get(long id) {
        if (dense != null) {
            return id >= 0 && id < dense.length ? dense[(int) id] : null;
        }
        return byId.get(id);
    }

    /** Every type. */
    Iterable<Type> all() {
        return byId.values();
    }

    /** The type with this name, {@code null} if none. */
    Type named(String name) {
        for (Type t : byId.values()) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Reads the metadata event at {@code in}'s position (its size and type id already checked by the caller). */
    static ChunkTypes read(JfrBytes in) {
        in.varLong(); // start time
        in.varLong(); // duration
        in.varLong(); // metadata id
        int count = in.count();
        String[] strings = new String[count];
        long[] pooled = new long[1];
        for (int i = 0; i < count; i++) {
            strings[i] = in.string(pooled);
        }
        Element root = Element.read(in, strings, 0);
        Map<Long, Type> types = new HashMap<>();
        List<Element> classes = new ArrayList<>();
        for (Element metadata : root.children) {
            if ("metadata".equals(metadata.name)) {
                for (Element c : metadata.children) {
                    if ("class".equals(c.name)) {
                        classes.add(c);
                        long id = number(c.required("id"));
                        types.put(id, new Type(id, c.required("name"), "jdk.jfr.Event".equals(c.attribute("superType"))));
                    }
                }
            }
        }
        for (Element c : classes) {
            Type type = types.get(number(c.required("id")));
            List<Field> fields = new ArrayList<>();
            for (Element f : c.children) {
                if ("field".equals(f.name)) {
                    Type fieldType = types.get(number(f.required("class")));
                    if (fieldType == null) {
                        throw new IllegalStateException("field " + f.attribute("name") + " of " + type.name
                                + " has an undefined type " + f.attribute("class"));
                    }
                    String dimension = f.attribute("dimension");
                    fields.add(new Field(f.required("name"), fieldType, f.attribute("constantPool") != null,
                            dimension != null && !"0".equals(dimension)));
                }
            }
            type.fields = fields.toArray(new Field[0]);
        }
        return new ChunkTypes(types);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("a metadata id that is no number: " + text);
        }
    }

    private static int encodingOf(String name) {
        switch (name) {
            case "boolean":
                return BOOLEAN;
            case "byte":
                return BYTE;
            case "short":
                return SHORT;
            case "char":
                return CHAR;
            case "int":
                return INT;
            case "long":
                return LONG;
            case "float":
                return FLOAT;
            case "double":
                return DOUBLE;
            case WeftSchema.STRING:
                return STRING;
            default:
                return STRUCT;
        }
    }

    /** An element of the metadata tree. */
    private static final class Element {
        final String name;
        final Map<String, String> attributes = new HashMap<>();
        final List<Element> children = new ArrayList<>();

        private Element(String name) {
            this.name = name;
        }

        String attribute(String key) {
            return attributes.get(key);
        }

        /** An attribute that must be there: its absence means the metadata is damaged. */
        String required(String key) {
            String value = attributes.get(key);
            if (value == null) {
                throw new IllegalStateException("a metadata " + name + " without " + key);
            }
            return value;
        }

        static Element read(JfrBytes in, String[] strings, int depth) {
            if (depth > 32) {
                throw new IllegalStateException("metadata nested deeper than any JDK writes it");
            }
            String name = string(in, strings);
            if (name == null) {
                throw new IllegalStateException("a metadata element without a name");
            }
            Element e = new Element(name);
            int attributes = in.count();
            for (int i = 0; i < attributes; i++) {
                e.attributes.put(string(in, strings), string(in, strings));
            }
            int children = in.count();
            for (int i = 0; i < children; i++) {
                e.children.add(read(in, strings, depth + 1));
            }
            return e;
        }

        private static String string(JfrBytes in, String[] strings) {
            int i = in.varInt();
            if (i < 0 || i >= strings.length) {
                throw new IllegalStateException("metadata string " + i + " of " + strings.length);
            }
            return strings[i];
        }
    }
}
