package dev.weft.agent;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the agent did and what failed inside it; shown in the exit line and recorded as
 * weft.AgentStatus. Counted per type, not per attempt: a class refused once and instrumented on a
 * second try (a cache entry the JVM rejected, woven afresh) ends up instrumented, not failed.
 */
public final class AgentHealth {

    /** How much of the failed types' list, and of a stack trace, the status event carries. */
    private static final int FAILED_TYPES_TEXT = 2_000;
    private static final int STACK_TEXT = 4_000;

    private final Set<String> instrumented = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failed = new ConcurrentHashMap<>();
    public volatile long startupMillis;
    /** What {@code weft.AgentStatus} names as the agent's own files, one per line. */
    public volatile String ownFiles = "";

    /** {@code type} (a binary name) was woven and its new code handed to the JVM. */
    public void instrumented(String type) {
        failed.remove(type);
        instrumented.add(type);
    }

    /** {@code type} was meant to be instrumented and is not: Byte Buddy failed, or the JVM refused the woven class. */
    public void failed(String type, Throwable why) {
        instrumented.remove(type);
        failed.put(type, String.valueOf(why));
    }

    public int instrumentedTypes() { return instrumented.size(); }

    public int transformErrors() { return failed.size(); }

    /** "java.lang.Thread (java.lang.ClassFormatError: …); …" in name order, cut to a bounded length; "" if none failed. */
    public String failedTypes() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(failed).entrySet()) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(e.getKey()).append(" (").append(e.getValue()).append(')');
        }
        return cut(b, FAILED_TYPES_TEXT);
    }

    /** {@code t} with its stack trace (causes included) as the JVM prints it, cut to a bounded length; "" for null. */
    public static String stackText(Throwable t) {
        if (t == null) {
            return "";
        }
        StringWriter w = new StringWriter();
        try (PrintWriter p = new PrintWriter(w)) {
            t.printStackTrace(p);
        } catch (RuntimeException e) {
            return String.valueOf(t); // a Throwable whose own methods throw: its name is something
        }
        return cut(w.getBuffer(), STACK_TEXT);
    }

    private static String cut(CharSequence text, int max) {
        String s = text.toString().stripTrailing();
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
