package dev.weft.reports.analyse;

import java.util.ArrayList;
import java.util.List;

/**
 * Which methods are phases ({@code phases=} of the agent, {@code --phases} of the CLI), in the
 * workload filter's syntax (JEP 520): {@code com.example.Foo}, {@code com.example.Foo::bar},
 * {@code ::bar}, entries separated by {@code ;}. It matches the methods a recording names
 * ({@code pkg.Class::method}); annotation entries cannot be matched there and are reported as problems.
 */
public final class PhaseFilter {

    /** The longest piece of user input echoed back in a problem. */
    static final int ECHO = 60;

    private record Entry(String className, String methodName) {
    }

    private final List<Entry> entries;
    private final List<String> problems;
    private final String text;

    private PhaseFilter(List<Entry> entries, List<String> problems, String text) {
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
        this.text = text;
    }

    /** A filter; {@code null} or blank text gives the empty filter (the default phases). */
    public static PhaseFilter parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String e : FilterEntries.of(text)) {
            if (e.startsWith("@")) {
                problems.add("phases: annotation entries cannot be matched in a recording, ignored: " + echo(e));
                continue;
            }
            int sep = e.indexOf("::");
            String cls = sep < 0 ? e : e.substring(0, sep);
            String method = sep < 0 ? null : e.substring(sep + 2);
            if ((cls.isEmpty() && (method == null || method.isEmpty())) || (method != null && method.isEmpty())
                    || !cls.matches("[\\p{javaJavaIdentifierPart}.$]*") || method != null
                    && !method.matches("<init>|<clinit>|[\\p{javaJavaIdentifierPart}$]+")) {
                problems.add("phases: not a class or method filter, ignored: " + echo(e));
                continue;
            }
            entries.add(new Entry(cls.isEmpty() ? null : cls, method));
        }
        return new PhaseFilter(entries, problems, text == null ? "" : text.strip());
    }

    /** User input cut to a sane length for an error line. */
    static String echo(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= ECHO ? "'" + oneLine + "'" : "'" + oneLine.substring(0, ECHO - 1) + "…'";
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<String> problems() {
        return problems;
    }

    /** Whether the recorded method {@code pkg.Class::method} is a phase. */
    public boolean matches(String method) {
        if (method == null) {
            return false;
        }
        int sep = method.indexOf("::");
        String cls = sep < 0 ? method : method.substring(0, sep);
        String name = sep < 0 ? "" : method.substring(sep + 2);
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren);
        }
        for (Entry e : entries) {
            if ((e.className() == null || e.className().equals(cls))
                    && (e.methodName() == null || e.methodName().equals(name))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
