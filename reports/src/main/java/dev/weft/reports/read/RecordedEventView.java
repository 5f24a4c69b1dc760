package dev.weft.reports.read;

import static dev.weft.reports.read.EventFields.NAMES;

import java.time.Instant;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * A {@link RecordedEvent} of the JDK's parser as an {@link EventView}. Each getter of the consumer API
 * looks its field up by name, so what a constant-pool object gave is remembered per object.
 */
final class RecordedEventView implements EventView {

    private static final int CACHE_LIMIT = 1 << 16;

    /** What the reader needs to know of an event type, looked up once per type. */
    record TypeInfo(int code, String name, Set<String> fields, List<String> mismatches) {
    }

    private final Map<EventType, TypeInfo> types = new IdentityHashMap<>();
    private final Map<RecordedThread, ThreadRef> threads = new IdentityHashMap<>();
    private final Map<RecordedClass, String> classNames = new IdentityHashMap<>();
    private final Map<RecordedStackTrace, String> stacks = new IdentityHashMap<>();
    private RecordedEvent event;
    private TypeInfo created;
    private Set<String> fields = Set.of();

    /** Points the view at {@code e} and returns what its type is. */
    TypeInfo of(RecordedEvent e) {
        EventType type = e.getEventType();
        TypeInfo info = types.get(type);
        if (info == null) {
            Set<String> names = new HashSet<>();
            for (ValueDescriptor field : type.getFields()) {
                names.add(field.getName());
            }
            info = new TypeInfo(EventFields.code(type.getName()), type.getName(), names, WeftSchema.mismatches(type));
            created = info;
            types.put(type, info);
        }
        event = e;
        fields = info.fields();
        return info;
    }

    /** The type met for the first time by the last {@link #of}, {@code null} if it was known. */
    TypeInfo takeNew() {
        TypeInfo t = created;
        created = null;
        return t;
    }

    @Override
    public long start() {
        return nanos(event.getStartTime());
    }

    @Override
    public long end() {
        return nanos(event.getEndTime());
    }

    @Override
    public boolean has(int field) {
        return fields.contains(NAMES[field]);
    }

    private Object value(int field) {
        return fields.contains(NAMES[field]) ? event.getValue(NAMES[field]) : null;
    }

    @Override
    public String string(int field) {
        return value(field) instanceof String s ? s : null;
    }

    @Override
    public long number(int field, long fallback) {
        return value(field) instanceof Number n ? n.longValue() : fallback;
    }

    @Override
    public long timestamp(int field) {
        if (!(value(field) instanceof Long ticks) || ticks == 0) {
            return Long.MIN_VALUE;
        }
        Instant t = event.getInstant(NAMES[field]);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public boolean bool(int field) {
        return value(field) instanceof Boolean b && b;
    }

    @Override
    public ThreadRef thread(int field) {
        // getThread() looks the field up twice by name (hasField, then getValue): once is enough
        if (!(value(field) instanceof RecordedThread t)) {
            return null;
        }
        ThreadRef ref = threads.get(t);
        if (ref == null) {
            if (threads.size() >= CACHE_LIMIT) {
                // the keys keep old chunks' constant pools alive: start afresh
                threads.clear();
                classNames.clear();
            }
            // RecordedThread.isVirtual() is JDK 21 API; the field is what it reads
            ref = new ThreadRef(t.getJavaThreadId(), t.getJavaName(),
                    t.hasField("virtual") && Boolean.TRUE.equals(t.getValue("virtual")),
                    t.getThreadGroup() == null ? null : t.getThreadGroup().getName());
            threads.put(t, ref);
        }
        return ref;
    }

    @Override
    public String className(int field) {
        if (!(value(field) instanceof RecordedClass c)) {
            return null;
        }
        String name = classNames.get(c);
        if (name == null) {
            name = c.getName();
            classNames.put(c, name);
        }
        return name;
    }

    @Override
    public String stack() {
        // getStackTrace() scans the fields by name twice, also when the type has no stack traces
        if (!(value(EventFields.STACK_TRACE) instanceof RecordedStackTrace trace)) {
            return null;
        }
        String text = stacks.get(trace);
        if (text == null) {
            if (stacks.size() > 50_000) {
                stacks.clear();
            }
            text = format(trace.getFrames(), 0);
            stacks.put(trace, text);
        }
        return text.isEmpty() ? null : text;
    }

    @Override
    public String pinStack() {
        if (!(value(EventFields.STACK_TRACE) instanceof RecordedStackTrace trace)) {
            return null;
        }
        List<RecordedFrame> frames = trace.getFrames();
        int first = 0;
        while (first < frames.size() && StackText.isJdk(typeName(frames.get(first).getMethod()))) {
            first++;
        }
        String text = format(frames, first == frames.size() ? 0 : first);
        return text.isEmpty() ? null : text;
    }

    private static String format(List<RecordedFrame> frames, int from) {
        StackText b = new StackText(frames.size(), from);
        for (int i = from; i < frames.size() && b.wants(); i++) {
            RecordedFrame f = frames.get(i);
            RecordedMethod m = f.getMethod();
            if (!f.isJavaFrame() || m == null) {
                b.skip();
                continue;
            }
            b.frame(typeName(m), m.getName(), f.getLineNumber());
        }
        return b.text();
    }

    private static String typeName(RecordedMethod m) {
        return m == null || m.getType() == null ? null : m.getType().getName();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
