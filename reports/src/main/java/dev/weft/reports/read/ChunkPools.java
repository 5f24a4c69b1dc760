package dev.weft.reports.read;

import dev.weft.reports.read.ChunkTypes.Field;
import dev.weft.reports.read.ChunkTypes.Type;
import dev.weft.reports.read.EventView.ThreadRef;

import dev.weft.reports.model.LongMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The constant pools of one chunk: where each constant lies (found by walking the chain of checkpoint
 * events back from the one the chunk header names), decoded only when an event refers to it, once.
 * Threads, class names, strings and stack traces are what events refer to.
 */
final class ChunkPools {

    private static final int MAX_DEPTH = 16;

    private final JfrBytes in;
    private final ChunkTypes types;
    private final Type threadType;
    private final Type stringType;
    private LongMap<ThreadRef> threads = new LongMap<>();
    /** How many decoded threads {@link #threads} keeps before it starts again: the heap bounds it, not the file. */
    private int threadsCached = Integer.MAX_VALUE;
    private boolean compactIndexes;
    /** Heap a decoded thread takes: its reference, its name, its slot in {@link #threads}. */
    static final int THREAD_REF_BYTES = 136;
    /** The thread asked for last: JFR writes a thread's events together, so most lookups ask for it again. */
    private long lastThreadKey = Long.MIN_VALUE;
    private ThreadRef lastThread;
    private final LongMap<String> classNames = new LongMap<>();
    private final LongMap<String> groupNames = new LongMap<>();
    private final LongMap<String> strings = new LongMap<>();
    private final LongMap<String> stacks = new LongMap<>();
    private final LongMap<String> pinStacks = new LongMap<>();
    /** Fields of a thread constant: the Java name, the Java id, whether virtual; {@code -1} when absent. */
    private final int javaName;
    private final int javaThreadId;
    private final int virtual;
    private final int group;
    /** The index of each pool, by key: a million threads' recording has 300,000 thread constants in a chunk. */
    private final List<PoolIndex> indexes = new ArrayList<>();
    /** Positions of the checkpoint events, newest first. */
    final List<Integer> checkpoints = new ArrayList<>();
    /** Start ticks of the newest checkpoint: written when the chunk was closed or last flushed. */
    long lastCheckpointTicks = Long.MIN_VALUE;
    private final long[] pooled = new long[1];

    ChunkPools(JfrBytes in, ChunkTypes types) {
        this.in = in;
        this.types = types;
        this.threadType = types.named(WeftSchema.THREAD);
        this.stringType = types.named(WeftSchema.STRING);
        this.javaName = threadType == null ? -1 : threadType.field("javaName");
        this.javaThreadId = threadType == null ? -1 : threadType.field("javaThreadId");
        this.virtual = threadType == null ? -1 : threadType.field("virtual");
        this.group = threadType == null ? -1 : threadType.field("group");
    }

    /**
     * Indexes the pools of the checkpoint chain that ends at {@code newest} (chunk-relative). Damage
     * shows as an exception: a link that does not lead back, a checkpoint whose size does not match
     * its content, a pool of an unknown type.
     */
    void index(int newest) {
        try {
            walk(newest);
        } finally {
            for (PoolIndex index : indexes) {
                index.freeze();
            }
        }
    }

    private void walk(int newest) {
        int at = newest;
        long delta = -1;
        while (delta != 0) {
            if (at <= 0 || at >= in.limit() || checkpoints.size() > in.limit() / 8) {
                throw new IllegalStateException("the chain of constant pools leads to byte " + at);
            }
            checkpoints.add(at);
            in.pos = at;
            long size = in.varLong();
            long type = in.varLong();
            if (type != ChunkTypes.CHECKPOINT) {
                throw new IllegalStateException("no constant pool at byte " + at + " (event type " + type + ")");
            }
            long ticks = in.varLong();
            if (lastCheckpointTicks == Long.MIN_VALUE) {
                lastCheckpointTicks = ticks;
            }
            in.varLong(); // duration
            delta = in.varLong();
            in.u1(); // checkpoint kind: flush, chunk header, statics, threads
            int pools = in.count();
            for (int i = 0; i < pools; i++) {
                long typeId = in.varLong();
                Type poolType = types.get(typeId);
                if (poolType == null) {
                    throw new IllegalStateException("a constant pool of an undefined type " + typeId);
                }
                if (poolType.constants == null) {
                    poolType.constants = compactIndexes ? PoolIndex.compact() : PoolIndex.fast();
                    indexes.add(poolType.constants);
                }
                PoolIndex index = poolType.constants;
                int count = in.count();
                for (int j = 0; j < count; j++) {
                    long key = in.varLong();
                    // older checkpoints come later in the walk and win, as in the JDK's parser
                    index.add(key, in.pos);
                    skipValue(poolType, 0);
                }
            }
            if (in.pos != at + size) {
                throw new IllegalStateException("the constant pool at byte " + at + " declares " + size
                        + " bytes but holds " + (in.pos - at));
            }
            if (delta > 0 || -delta > at) {
                throw new IllegalStateException("the constant pool at byte " + at + " links to byte " + (at + delta));
            }
            at += (int) delta;
        }
    }

    /** Keeps at most {@code n} decoded threads at a time; {@code compact}: indexes in less heap, built more slowly. */
    void fitHeap(int n, boolean compact) {
        threadsCached = Math.max(1, n);
        compactIndexes = compact;
    }

    /** Heap the indexes of the pools take, and the threads that will be decoded from them. */
    long bytes() {
        int threadConstants = threadType == null || threadType.constants == null ? 0 : threadType.constants.size();
        long bytes = (long) Math.min(threadConstants, threadsCached) * THREAD_REF_BYTES;
        for (PoolIndex index : indexes) {
            bytes += index.bytes();
        }
        return bytes;
    }

    /** Skips one value of {@code type} written inline (not as a pool key). */
    void skipValue(Type type, int depth) {
        switch (type.encoding) {
            case ChunkTypes.BOOLEAN, ChunkTypes.BYTE -> in.pos++;
            case ChunkTypes.SHORT, ChunkTypes.CHAR, ChunkTypes.INT, ChunkTypes.LONG -> in.skipVarLong();
            case ChunkTypes.FLOAT -> in.pos += 4;
            case ChunkTypes.DOUBLE -> in.pos += 8;
            case ChunkTypes.STRING -> in.skipString();
            default -> {
                if (depth > MAX_DEPTH) {
                    throw new IllegalStateException("type " + type.name + " nests without end");
                }
                for (Field f : type.fields) {
                    skipField(f, depth + 1);
                }
            }
        }
    }

    void skipField(Field f, int depth) {
        int n = f.array ? in.count() : 1;
        for (int i = 0; i < n; i++) {
            if (f.constant) {
                in.skipVarLong();
            } else {
                skipValue(f.type, depth);
            }
        }
    }

    /** The position of a constant, {@code -1} when the pool does not hold it. */
    private int position(Type type, long key) {
        int at = type.constants == null ? -1 : type.constants.get(key);
        return at;
    }

    /** The thread constant {@code key}, {@code null} when absent. */
    ThreadRef thread(long key) {
        if (key == lastThreadKey) {
            return lastThread;
        }
        ThreadRef t = threads.get(key);
        if (t == null && !threads.containsKey(key)) {
            t = threadType == null ? null : decodeThread(key);
            if (threads.size() >= threadsCached) {
                threads = new LongMap<>(); // decoded again when asked for: a new reference, looked up anew
            }
            threads.put(key, t);
        }
        lastThreadKey = key;
        lastThread = t;
        return t;
    }

    /** Decodes a thread constant field by field (there are as many as threads: no generic values here). */
    private ThreadRef decodeThread(long key) {
        int at = position(threadType, key);
        if (at < 0) {
            return null;
        }
        int saved = in.pos;
        in.pos = at;
        try {
            long id = -1;
            String name = null;
            boolean isVirtual = false;
            Object groupRef = null;
            String groupName = null;
            boolean groupKnown = false;
            Field[] fields = threadType.fields;
            for (int i = 0; i < fields.length; i++) {
                Field f = fields[i];
                if (i == javaThreadId && !f.array && !f.constant && f.type.encoding == ChunkTypes.LONG) {
                    id = in.varLong();
                } else if (i == javaName && !f.array && !f.constant && f.type.encoding == ChunkTypes.STRING) {
                    name = in.string(pooled);
                    name = name == JfrBytes.POOLED ? string(pooled[0]) : name;
                } else if (i == virtual && !f.array && !f.constant && f.type.encoding == ChunkTypes.BOOLEAN) {
                    isVirtual = in.u1() != 0;
                } else if (i == group && f.constant && !f.array) {
                    groupName = groupName(f.type, in.varLong());
                    groupKnown = true;
                } else if (i == group) {
                    groupRef = value(f, 0);
                } else {
                    skipField(f, 0);
                }
            }
            return new ThreadRef(id, name, isVirtual, groupKnown ? groupName : groupName(groupRef));
        } finally {
            in.pos = saved;
        }
    }

    /** The name of the thread group constant {@code key}, decoded once: a hundred thousand threads share one. */
    private String groupName(Type groupType, long key) {
        String name = groupNames.get(key);
        if (name == null && !groupNames.containsKey(key)) {
            name = groupName(new Ref(groupType, key));
            groupNames.put(key, name);
        }
        return name;
    }

    private String groupName(Object groupRef) {
        Struct g = resolve(groupRef, 0);
        return g == null ? null : text(g.values, g.type, "name", 0);
    }

    /** The name of the class constant {@code key} ({@code java.lang.String}), {@code null} when absent. */
    String className(Type classType, long key) {
        String name = classNames.get(key);
        if (name == null && !classNames.containsKey(key)) {
            Object[] v = struct(classType, key);
            String raw = v == null ? null : text(v, classType, "name", 0);
            name = raw == null ? null : raw.replace("/", ".");
            classNames.put(key, name);
        }
        return name;
    }

    /** The string constant {@code key}. */
    String string(long key) {
        String s = strings.get(key);
        if (s == null && !strings.containsKey(key) && stringType != null) {
            int at = position(stringType, key);
            if (at >= 0) {
                int saved = in.pos;
                in.pos = at;
                s = in.string(pooled);
                in.pos = saved;
                if (s == JfrBytes.POOLED) {
                    s = null; // a pooled string refers to no other
                }
            }
            strings.put(key, s);
        }
        return s;
    }

    /**
     * The stack trace constant {@code key} as {@link StackText}, {@code null} when absent or empty; with
     * {@code pin}, from its first frame outside the JDK on ({@link EventView#pinStack()}).
     */
    String stack(Type stackType, long key, boolean pin) {
        LongMap<String> cache = pin ? pinStacks : stacks;
        String text = cache.get(key);
        if (text == null && !cache.containsKey(key)) {
            Object[] trace = struct(stackType, key);
            Object frames = trace == null ? null : field(trace, stackType, "frames");
            if (frames instanceof Object[] list) {
                int from = 0;
                while (pin && from < list.length && StackText.isJdk(frameClass(list[from]))) {
                    from++;
                }
                from = from == list.length ? 0 : from;
                StackText b = new StackText(list.length, from);
                for (int i = from; i < list.length && b.wants(); i++) {
                    frameInto(b, list[i]);
                }
                text = b.text();
            }
            text = text == null || text.isEmpty() ? null : text;
            cache.put(key, text);
        }
        return text;
    }

    private Struct frameMethod(Object frame) {
        return frame instanceof Struct f ? resolve(field(f.values, f.type, "method"), 0) : null;
    }

    /** The class of a frame's method, {@code java.lang.String}, {@code null} when not recorded. */
    private String frameClass(Object frame) {
        Struct method = frameMethod(frame);
        Struct type = method == null ? null : resolve(field(method.values, method.type, "type"), 0);
        String name = type == null ? null : text(type.values, type.type, "name", 0);
        return name == null ? null : name.replace("/", ".");
    }

    private void frameInto(StackText b, Object frame) {
        Struct method = frameMethod(frame);
        Object javaFrame = frame instanceof Struct f ? field(f.values, f.type, "javaFrame") : null;
        if (method == null || Boolean.FALSE.equals(javaFrame)) {
            b.skip();
            return;
        }
        Struct f = (Struct) frame;
        Object line = field(f.values, f.type, "lineNumber");
        b.frame(frameClass(frame), text(method.values, method.type, "name", 0), line instanceof Long l ? l.intValue() : -1);
    }

    // ---- generic decoding of constants: structs as values by field, references resolved on demand

    /** A decoded struct value. */
    private record Struct(Type type, Object[] values) {
    }

    /** A reference to a constant. */
    private record Ref(Type type, long key) {
    }

    private Object[] struct(Type type, long key) {
        int at = position(type, key);
        if (at < 0) {
            return null;
        }
        int saved = in.pos;
        in.pos = at;
        try {
            return structValues(type, 0);
        } finally {
            in.pos = saved;
        }
    }

    private Object[] structValues(Type type, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("type " + type.name + " nests without end");
        }
        Object[] values = new Object[type.fields.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(type.fields[i], depth + 1);
        }
        return values;
    }

    private Object value(Field f, int depth) {
        if (f.array) {
            Object[] items = new Object[in.count()];
            for (int i = 0; i < items.length; i++) {
                items[i] = element(f, depth);
            }
            return items;
        }
        return element(f, depth);
    }

    private Object element(Field f, int depth) {
        if (f.constant) {
            return new Ref(f.type, in.varLong());
        }
        Type t = f.type;
        switch (t.encoding) {
            case ChunkTypes.BOOLEAN:
                return in.u1() != 0;
            case ChunkTypes.BYTE:
                return (long) in.u1();
            case ChunkTypes.SHORT:
                return (long) (short) in.varLong();
            case ChunkTypes.CHAR:
                return (long) (char) in.varLong();
            case ChunkTypes.INT:
                return (long) (int) in.varLong();
            case ChunkTypes.LONG:
                return in.varLong();
            case ChunkTypes.FLOAT:
                in.pos += 4;
                return null;
            case ChunkTypes.DOUBLE:
                in.pos += 8;
                return null;
            case ChunkTypes.STRING: {
                String s = in.string(pooled);
                return s == JfrBytes.POOLED ? string(pooled[0]) : s;
            }
            default:
                return new Struct(t, structValues(t, depth));
        }
    }

    private Struct resolve(Object v, int depth) {
        if (v instanceof Struct s) {
            return s;
        }
        if (v instanceof Ref r && depth < MAX_DEPTH) {
            Object[] values = struct(r.type, r.key);
            return values == null ? null : new Struct(r.type, values);
        }
        return null;
    }

    private static Object field(Object[] values, Type type, String name) {
        int i = type.field(name);
        return i < 0 ? null : values[i];
    }

    /** A text field: a string, or a constant or struct (a symbol) whose one field is one. */
    private String text(Object[] values, Type type, String name, int depth) {
        return text(field(values, type, name), depth);
    }

    private String text(Object v, int depth) {
        if (v instanceof String s) {
            return s;
        }
        Struct s = resolve(v, depth);
        if (s != null && s.values.length == 1 && depth < MAX_DEPTH) {
            return text(s.values[0], depth + 1);
        }
        return null;
    }
}
