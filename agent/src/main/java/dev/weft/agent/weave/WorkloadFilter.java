package dev.weft.agent.weave;

import dev.weft.reports.analyse.FilterEntries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    /** Internal names of the classes entries name outright. */
    private final Set<String> classNames = new HashSet<>();
    /** Byte patterns a class file must contain to possibly match an annotation or any-class entry. */
    private final List<byte[]> markers = new ArrayList<>();

    private WorkloadFilter(List<Entry> entries, List<String> problems, String source) {
        this.entries = Collections.unmodifiableList(entries);
        this.problems = Collections.unmodifiableList(problems);
        this.source = source;
        for (Entry e : entries) {
            if (e.className() != null) {
                classNames.add(e.className().replace('.', '/'));
            } else if (e.isAnnotation()) {
                markers.add(("L" + e.annotation().replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8));
            } else {
                markers.add(e.methodName().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * A cheap pre-check on a class about to be woven: false means no entry can match it; true
     * means Byte Buddy's matchers decide. Annotation and any-class entries look for the
     * annotation's descriptor or the method's name among the class file's bytes.
     */
    public boolean mayMatch(String internalName, byte[] classFile) {
        if (entries.isEmpty()) {
            return false;
        }
        if (classNames.contains(internalName)) {
            return true;
        }
        if (markers.isEmpty() || internalName.startsWith("java/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("dev/weft/shaded/")) {
            return false;
        }
        for (byte[] marker : markers) {
            if (contains(classFile, marker)) {
                return true;
            }
        }
        return false;
    }

    /** The pre-check for a class already loaded (attach): names and annotations by reflection. */
    public boolean mayMatchLoaded(Class<?> c) {
        if (entries.isEmpty()) {
            return false;
        }
        String name = c.getName();
        if (classNames.contains(name.replace('.', '/'))) {
            return true;
        }
        if (markers.isEmpty() || name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || name.startsWith("dev.weft.agent.") || name.startsWith("dev.weft.boot.")
                || name.startsWith("dev.weft.reports.") || name.startsWith("dev.weft.shaded.")) {
            return false;
        }
        try {
            for (Entry e : entries) {
                if (e.anyClass()) {
                    for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                        if (m.getName().equals(e.methodName())) {
                            return true;
                        }
                    }
                } else if (e.isAnnotation() && mentionsAnnotation(c, e.annotation())) {
                    return true;
                }
            }
        } catch (Throwable t) {
            return false; // a class whose members cannot be resolved is not woven
        }
        return false;
    }

    private static boolean mentionsAnnotation(Class<?> c, String annotation) {
        for (java.lang.annotation.Annotation a : c.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals(annotation)) {
                return true;
            }
        }
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            for (java.lang.annotation.Annotation a : m.getDeclaredAnnotations()) {
                if (a.annotationType().getName().equals(annotation)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        int last = haystack.length - needle.length;
        byte first = needle[0];
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static WorkloadFilter none() {
        return new WorkloadFilter(List.of(), List.of(), "");
    }

    /** Parses every valid entry; each invalid one becomes a problem line naming it. */
    public static WorkloadFilter parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String e : FilterEntries.of(text)) {
            Entry parsed = parseEntry(e);
            if (parsed == null) {
                problems.add("workload filter entry " + dev.weft.agent.AgentOptions.echo(e)
                        + " is not valid (expected com.example.Foo, "
                        + "com.example.Foo::bar, ::bar or @com.example.Annotation); ignored");
            } else {
                entries.add(parsed);
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
