package dev.weft.reports.read;

import dev.weft.reports.read.ChunkTypes.Field;
import dev.weft.reports.read.ChunkTypes.Type;

import java.util.Arrays;

/**
 * How to decode the events of one type: per field, in the order they are written, what to do with
 * its value. Fields the report does not read are skipped value by value, to the last, so that each
 * event's size can be checked against the bytes its fields take.
 */
final class EventPlan {

    static final int SKIP = 0;
    static final int START = 1;
    static final int DURATION = 2;
    /** A key into the thread pool. */
    static final int THREAD = 3;
    /** A key into the class pool. */
    static final int CLASS = 4;
    /** A key into the stack trace pool. */
    static final int STACK = 5;
    /** A string written in the event: its position is kept, it is decoded when asked for. */
    static final int STRING = 6;
    /** A key into the string pool. */
    static final int STRING_KEY = 7;
    /** A long; the narrower integers below are written as varints too, and cut to their width as the JDK does. */
    static final int NUMBER = 8;
    static final int BOOL = 9;
    static final int INT = 10;
    static final int SHORT = 11;
    static final int BYTE = 12;

    private static final String SHUTDOWN = "jdk.Shutdown";

    final Type type;
    final int code;
    /** Whether the type is one of the agent's own events ({@link WeftSchema}), not the JVM's. */
    final boolean agents;
    /** Whether the type is the JVM's shutdown event: its thread is the one that ends the JVM. */
    final boolean shutdown;
    /** Per field in order: one of the actions above. */
    final int[] actions;
    /** Per field in order: the {@link EventFields} number it fills, {@code -1} for none. */
    final int[] targets;
    /** Fields to walk. */
    final int decoded;
    /** Whether every field is walked, so that the bytes they take must equal the event's size. */
    final boolean whole;
    /** Per {@link EventFields} number: the action that fills it, {@link #SKIP} when the type lacks it. */
    final int[] kinds = new int[EventFields.FIELDS];

    EventPlan(Type type) {
        this.type = type;
        this.code = EventFields.code(type.name);
        this.agents = type.name.startsWith(WeftSchema.PREFIX);
        this.shutdown = type.name.equals(SHUTDOWN);
        Field[] fields = type.fields;
        actions = new int[fields.length];
        targets = new int[fields.length];
        Arrays.fill(targets, -1);
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            int action = SKIP;
            if (i == 0 && f.name.equals("startTime") && isNumber(f)) {
                action = START;
            } else if (f.name.equals("duration") && isNumber(f)) {
                action = DURATION;
            } else {
                int target = EventFields.field(code, f.name);
                action = target < 0 ? SKIP : actionOf(f);
                if (action != SKIP) {
                    targets[i] = target;
                    kinds[target] = action;
                }
            }
            actions[i] = action;
        }
        // every field is walked, also of events the report only counts: a type id or a size damaged
        // into another valid one then shows as fields that do not fill the event
        whole = true;
        decoded = fields.length;
    }

    private static boolean isNumber(Field f) {
        return !f.array && !f.constant && f.type.encoding == ChunkTypes.LONG;
    }

    private static int actionOf(Field f) {
        if (f.array) {
            return SKIP;
        }
        if (f.constant) {
            switch (f.type.name) {
                case WeftSchema.THREAD:
                    return THREAD;
                case WeftSchema.CLASS:
                    return CLASS;
                case "jdk.types.StackTrace":
                    return STACK;
                case WeftSchema.STRING:
                    return STRING_KEY;
                default:
                    return SKIP;
            }
        }
        switch (f.type.encoding) {
            case ChunkTypes.STRING:
                return STRING;
            case ChunkTypes.LONG:
                return NUMBER;
            case ChunkTypes.INT:
                return INT;
            case ChunkTypes.SHORT:
                return SHORT;
            case ChunkTypes.BYTE:
                return BYTE; // a char is no number to the JDK's parser
            case ChunkTypes.BOOLEAN:
                return BOOL;
            default:
                return SKIP;
        }
    }

    /** Whether an action gives a number. */
    static boolean isNumber(int action) {
        return action == NUMBER || action == INT || action == SHORT || action == BYTE;
    }
}
