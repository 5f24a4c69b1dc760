package dev.weft.agent;

import dev.weft.agent.weave.WeavingCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The agent's options: {@code -javaagent:agent.jar=out=DIR,workload=FILTER,…}.
 * Parsing never fails: every problem becomes one line in {@link #problems()} and the
 * offending option is ignored, so a typo never stops the application.
 */
public final class AgentOptions {

    public static final String USAGE = String.join("\n",
            "Weft agent options (comma-separated: -javaagent:agent.jar=out=weft-out,workload=com.example.Foo::bar):",
            "  out=DIR          directory for the .jfr and .html (default: weft-out)",
            "  workload=FILTER  methods recorded as workload spans, JEP 520 filter syntax, ';'-separated:",
            "                   com.example.Foo  com.example.Foo::bar  ::bar  @com.example.Traced",
            "                   (default: the app jar's 'Weft-Workload' manifest attribute, if any)",
            "  phases=FILTER    methods whose calls are the report's phases, same syntax (default: the",
            "                   top-level workload spans of main); they are recorded as workload too",
            "  report=html|none write the HTML timeline at exit (default: html)",
            "  stacks=true      record stack traces with wait and workload events (default: false)",
            "  maxsize=SIZE     keep at most this much recorded data, the oldest dropped first: 250m, 2g, none",
            "                   (default: 250m, JFR's own default)",
            "  maxage=AGE       keep data at most this old: 30m, 12h, 7d, none (default: none)",
            "  reporttimeout=T  give up on the HTML report at exit after T (e.g. 20s; 0: never render); it is",
            "                   rendered in a child JVM, so the application's heap is never used (default: 20s)",
            "  reportheap=SIZE  the heap of that child JVM (default: 48m, about 100 MB of RSS at most; a recording",
            "                   too large for it is drawn up to the moment that fits, which the report and the",
            "                   exit line say; 96m draws more than twice as much, at up to 145 MB of RSS)",
            "  cache=DIR|none   where woven classes are kept between runs, for a fast start-up; used only",
            "                   if nobody but you can write it (default: $XDG_CACHE_HOME/weft or ~/.cache/weft)",
            "  verbose=true     print instrumentation details and timings",
            "  help             print this text; the application runs as usual");

    private Path outDir = Path.of("weft-out");
    private String workload;
    private String phases;
    private boolean html = true;
    private boolean stacks;
    private boolean verbose;
    private boolean help;
    private Path cacheDir = WeavingCache.defaultRoot();
    private boolean cacheNamed;
    /** JFR's own default for a recording to disk that names no limit (-XX:StartFlightRecording). */
    public static final long DEFAULT_MAX_SIZE = 250L << 20;
    public static final long DEFAULT_REPORT_TIMEOUT_MILLIS = 20_000;
    /**
     * At most about 100 MB of RSS (97 MB measured on 17, 21 and 25); the reader draws what fits and says so
     * (100,000 virtual threads' 10 MB recording: its first 1.2 s of 1.8; whole from 160 MB).
     */
    public static final long DEFAULT_REPORT_HEAP = 48L << 20;
    private long reportHeap = DEFAULT_REPORT_HEAP;
    private long maxSize = DEFAULT_MAX_SIZE;
    private long maxAgeMillis;
    private long reportTimeoutMillis = DEFAULT_REPORT_TIMEOUT_MILLIS;
    private final String raw;
    private final List<String> problems = new ArrayList<>();

    private AgentOptions(String raw) {
        this.raw = raw == null ? "" : raw;
    }

    public static AgentOptions parse(String args) {
        AgentOptions o = new AgentOptions(args);
        if (args == null || args.isBlank()) {
            return o;
        }
        for (String item : args.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String key = (eq < 0 ? entry : entry.substring(0, eq)).strip();
            String value = eq < 0 ? null : entry.substring(eq + 1).strip();
            o.apply(key, value);
        }
        return o;
    }

    private void apply(String key, String value) {
        switch (key) {
            case "help" -> help = true;
            case "out" -> {
                if (value == null || value.isEmpty()) {
                    problems.add("option 'out' needs a directory, e.g. out=weft-out; using " + outDir);
                } else {
                    outDir = Path.of(value);
                }
            }
            case "workload" -> {
                if (value == null || value.isEmpty()) {
                    problems.add("option 'workload' needs a filter, e.g. workload=com.example.Foo::bar");
                } else {
                    workload = value;
                }
            }
            case "phases" -> {
                if (value == null || value.isEmpty()) {
                    problems.add("option 'phases' needs a filter, e.g. phases=com.example.Handler::handle");
                } else {
                    phases = value;
                }
            }
            case "report" -> {
                if ("html".equals(value)) {
                    html = true;
                } else if ("none".equals(value)) {
                    html = false;
                } else {
                    problems.add("option 'report' takes html or none, not " + echo(value));
                }
            }
            case "cache" -> {
                if (value == null || value.isEmpty()) {
                    problems.add("option 'cache' needs a directory or none, e.g. cache=none");
                } else {
                    cacheDir = value.equals("none") ? null : Path.of(value);
                    cacheNamed = cacheDir != null;
                }
            }
            case "maxsize" -> maxSize = amount(key, value, maxSize, Limits.parseSize(value), "250m, 2g or none");
            case "maxage" -> maxAgeMillis = amount(key, value, maxAgeMillis, Limits.parseMillis(value), "30m, 12h, 7d or none");
            case "reporttimeout" -> reportTimeoutMillis = amount(key, value, reportTimeoutMillis, Limits.parseMillis(value),
                    "20s, 1m or 0");
            case "reportheap" -> reportHeap = amount(key, value, reportHeap,
                    Limits.parseSize(value) >= 16L << 20 ? Limits.parseSize(value) : -1, "128m, 1g (16m at least)");
            case "stacks" -> stacks = bool(key, value, stacks);
            case "verbose" -> verbose = bool(key, value, verbose);
            default -> problems.add("unknown option " + echo(key) + " ignored (try -javaagent:agent.jar=help)");
        }
    }

    private long amount(String key, String value, long current, long parsed, String examples) {
        if (parsed < 0) {
            problems.add("option '" + key + "' takes " + examples + ", not '" + value + "'");
            return current;
        }
        return parsed;
    }

    private boolean bool(String key, String value, boolean current) {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        problems.add("option '" + key + "' takes true or false, not " + echo(value));
        return current;
    }

    /** The longest piece of user input a problem line echoes back. */
    static final int ECHO = 60;

    /** User input quoted for a problem line: one line, cut to {@link #ECHO} characters. */
    public static String echo(String input) {
        String oneLine = String.valueOf(input).replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= ECHO ? "'" + oneLine + "'" : "'" + oneLine.substring(0, ECHO - 1) + "…'";
    }

    /** The phases filter given as option, or {@code null}. */
    public String phases() { return phases; }

    /** The options text printed by {@code help}, also shown by {@code java -jar agent.jar attach --help}. */
    public static String usage() { return USAGE; }

    public Path outDir() { return outDir; }

    /** The filter given as option, or {@code null} when none was given. */
    public String workload() { return workload; }

    public boolean html() { return html; }

    public boolean stacks() { return stacks; }

    public boolean verbose() { return verbose; }

    public boolean help() { return help; }

    /** Where woven classes are cached between runs; {@code null} for no cache. */
    public Path cacheDir() { return cacheDir; }

    /** Whether the user named the cache directory ({@code cache=DIR}): then a refusal to use it is always said. */
    public boolean cacheNamed() { return cacheNamed; }

    public String raw() { return raw; }

    /** JFR's maxsize in bytes; 0 for none. */
    public long maxSize() { return maxSize; }

    /** JFR's maxage in milliseconds; 0 for none. */
    public long maxAgeMillis() { return maxAgeMillis; }

    /** The heap of the child JVM that renders the exit report, bytes. */
    public long reportHeap() { return reportHeap; }

    /** How long the exit report may take; 0: the report is not rendered at exit. */
    public long reportTimeoutMillis() { return reportTimeoutMillis; }

    public List<String> problems() { return Collections.unmodifiableList(problems); }
}
