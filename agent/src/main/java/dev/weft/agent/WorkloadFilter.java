package dev.weft.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A workload filter in the JDK 25 method-tracing grammar (JEP 520), so users learn one syntax:
 * {@code com.example.Foo} (every method), {@code com.example.Foo::bar}, {@code ::bar} (that
 * method in any application class), {@code @com.example.Traced} (annotated methods, or every
 * method of an annotated class); entries separated by {@code ;}.
 */
public final class WorkloadFilter {

    /** One entry; exactly one of {@code annotation} and {@code className} may be set, or neither with a method. */
    public record Entry(String className, String methodName, String annotation, String text) {

        public boolean isAnnotation() { return annotation != null; }

        public boolean anyClass() { return className == null && annotation == null; }
    }

    private static final Pattern QUALIFIED = Pattern.compile(
            "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
    private static final Pattern METHOD = Pattern.compile(
            "<clinit>|<init>|\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

    private final List<Entry> entries;
    private final List<String> problems;
    private final String source;

    private WorkloadFilter(List<Entry> entries, List<String> problems, String source) {
        this.entries = Collections.unmodifiableList(entries);
        this.problems = Collections.unmodifiableList(problems);
        this.source = source;
    }

    public static WorkloadFilter none() {
        return new WorkloadFilter(List.of(), List.of(), "");
    }

    /** Parses every valid entry; each invalid one becomes a problem line naming it. */
    public static WorkloadFilter parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (text != null) {
            for (String raw : text.split(";")) {
                String e = raw.strip();
                if (e.isEmpty()) {
                    continue;
                }
                Entry parsed = parseEntry(e);
                if (parsed == null) {
                    problems.add("workload filter entry '" + e + "' is not valid (expected com.example.Foo, "
                            + "com.example.Foo::bar, ::bar or @com.example.Annotation); ignored");
                } else {
                    entries.add(parsed);
                }
            }
        }
        return new WorkloadFilter(entries, problems, text == null ? "" : text);
    }

    private static Entry parseEntry(String e) {
        if (e.startsWith("@")) {
            String ann = e.substring(1);
            return QUALIFIED.matcher(ann).matches() ? new Entry(null, null, ann, e) : null;
        }
        int sep = e.indexOf("::");
        if (sep < 0) {
            return QUALIFIED.matcher(e).matches() ? new Entry(e, null, null, e) : null;
        }
        String cls = e.substring(0, sep);
        String method = e.substring(sep + 2);
        if (!METHOD.matcher(method).matches()) {
            return null;
        }
        if (cls.isEmpty()) {
            return new Entry(null, method, null, e);
        }
        return QUALIFIED.matcher(cls).matches() ? new Entry(cls, method, null, e) : null;
    }

    public List<Entry> entries() { return entries; }

    public List<String> problems() { return problems; }

    public boolean isEmpty() { return entries.isEmpty(); }

    @Override
    public String toString() { return source; }
}
