package dev.weft.demo.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;
import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The card's command, exactly: {@code java -javaagent:agent.jar -jar demo-app.jar}, no options, on one
 * JDK, run once per JDK however many tests look at it.
 */
final class DemoRun {

    private static final Map<Integer, DemoRun> RUNS = new HashMap<>();

    final Jdk jdk;
    final int exitCode;
    final String stdout;
    final String stderr;
    final Path jfr;
    final Path html;
    private List<RecordedEvent> events;
    private Analysis analysis;

    private DemoRun(Jdk jdk, ChildProcess.Result r, Path dir) {
        this.jdk = jdk;
        this.exitCode = r.exitCode();
        this.stdout = r.stdout();
        this.stderr = r.stderr();
        Matcher m = Pattern.compile("\\[weft\\] report: (\\S+\\.html) +\\(jfr: (\\S+\\.jfr)\\)").matcher(stderr);
        assertTrue(m.find(), "the last line names the report and the recording:\n" + r);
        this.html = dir.resolve(m.group(1));
        this.jfr = dir.resolve(m.group(2));
    }

    /** The demo run under the agent on {@code jdk}; the first call runs it. */
    static synchronized DemoRun on(Jdk jdk) throws Exception {
        DemoRun run = RUNS.get(jdk.feature());
        if (run == null) {
            Path dir = Files.createTempDirectory("weft-demo-jdk" + jdk.feature() + "-");
            Path agent = Path.of(System.getProperty("weft.agent.jar")).toAbsolutePath();
            Path demo = Path.of(System.getProperty("weft.demo.jar")).toAbsolutePath();
            // the weaving cache: $XDG_CACHE_HOME, which the build points into target/, never the user's
            run = new DemoRun(jdk, ChildProcess.run(List.of(jdk.java(), "-javaagent:" + agent, "-jar", demo.toString()),
                    dir), dir);
            RUNS.put(jdk.feature(), run);
        }
        return run;
    }

    synchronized List<RecordedEvent> events() throws Exception {
        if (events == null) {
            events = RecordingFile.readAllEvents(jfr);
        }
        return events;
    }

    List<RecordedEvent> named(String type) throws Exception {
        return events().stream().filter(e -> e.getEventType().getName().equals(type)).toList();
    }

    synchronized Analysis analysis() throws Exception {
        if (analysis == null) {
            analysis = Reports.analyse(jfr);
        }
        return analysis;
    }
}
