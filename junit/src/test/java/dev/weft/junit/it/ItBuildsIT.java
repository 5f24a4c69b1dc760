package dev.weft.junit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the user-style builds under {@code src/it} did, as the invoker left them in {@code target/it}:
 * which tests ran and passed (so that a build that silently ran nothing cannot pass), what the failing
 * ones said, and the reports they wrote. The invoker has already checked each build's result.
 */
class ItBuildsIT {

    static final Path IT = Path.of(System.getProperty("weft.it.dir", "target/it"));

    /** One test case of a surefire report. */
    record Case(String name, String failure) {
    }

    record Suite(int tests, int failures, int errors, int skipped, List<Case> cases) {
    }

    static Suite suite(String project, String testClass) throws Exception {
        Path xml = IT.resolve(project).resolve("target/surefire-reports/TEST-" + testClass + ".xml");
        assertTrue(Files.isRegularFile(xml), "surefire ran " + testClass + " in " + project + ": " + xml);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = doc.getDocumentElement();
        List<Case> cases = new ArrayList<>();
        NodeList list = root.getElementsByTagName("testcase");
        for (int i = 0; i < list.getLength(); i++) {
            Element c = (Element) list.item(i);
            String failure = null;
            for (String tag : List.of("failure", "error")) {
                NodeList f = c.getElementsByTagName(tag);
                if (f.getLength() > 0) {
                    failure = ((Element) f.item(0)).getAttribute("message");
                }
            }
            cases.add(new Case(c.getAttribute("name"), failure));
        }
        return new Suite(Integer.parseInt(root.getAttribute("tests")), Integer.parseInt(root.getAttribute("failures")),
                Integer.parseInt(root.getAttribute("errors")), Integer.parseInt(root.getAttribute("skipped")), cases);
    }

    static String log(String project) throws IOException {
        return Files.readString(IT.resolve(project).resolve("build.log"), StandardCharsets.UTF_8);
    }

    static long reports(String project, String testClass) throws IOException {
        Path dir = IT.resolve(project).resolve("target/weft").resolve(testClass);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".html")).count();
        }
    }

    @Test
    void selfAttachEveryTestRanAndPassed() throws Exception {
        Suite batch = suite("self-attach", "example.BatchTest");
        assertEquals(7, batch.tests(), batch.toString());
        assertEquals(0, batch.failures() + batch.errors() + batch.skipped(), batch.toString());
        Suite after = suite("self-attach", "example.ZzAfterTheClassTest");
        assertEquals(3, after.tests(), after.toString());
        assertEquals(0, after.failures() + after.errors() + after.skipped(), after.toString());
        assertEquals(8, reports("self-attach", "example.BatchTest"), "a report per run");
        assertTrue(log("self-attach").contains("BUILD SUCCESS"));
    }

    @Test
    void javaagentEveryTestRanAndPassed() throws Exception {
        Suite pool = suite("javaagent", "example.PoolTest");
        assertEquals(3, pool.tests(), pool.toString());
        assertEquals(0, pool.failures() + pool.errors() + pool.skipped(), pool.toString());
        assertEquals(2, reports("javaagent", "example.PoolTest"));
        try (Stream<Path> session = Files.list(IT.resolve("javaagent/target/weft-session"))) {
            assertTrue(session.anyMatch(f -> f.toString().endsWith(".jfr")), "the -javaagent session recorded too");
        }
    }

    @Test
    void aFailingRunSaysWhatItMeasuredWhatWasAskedAndWhereTheReportIs() throws Exception {
        Suite s = suite("failing", "example.SequentialTest");
        assertEquals(1, s.tests());
        assertEquals(1, s.failures(), s.toString());
        String message = s.cases().get(0).failure();
        Matcher m = Pattern.compile("run 'steps': speed-up (\\d+\\.\\d\\d)x, expected at least 2\\.50x; report: (\\S+\\.html)")
                .matcher(message);
        assertTrue(m.matches(), message);
        assertTrue(Double.parseDouble(m.group(1)) < 1.3, "three steps in sequence: " + message);
        Path report = Path.of(m.group(2));
        assertTrue(report.isAbsolute() && Files.isRegularFile(report), "the report named is there: " + report);
        assertTrue(report.startsWith(IT.resolve("failing/target/weft").toAbsolutePath()), report.toString());
        assertTrue(Files.readString(report).contains("SequentialTest.steps"), "the run is the report's phase");
        String log = log("failing");
        assertTrue(log.contains(message), "the build log shows the line as it is");
        assertTrue(log.contains("BUILD FAILURE"));
    }

    @Test
    void parallelExecutionRefusesAClassThatIsNotIsolatedAndRecordsOneThatIs() throws Exception {
        Suite refused = suite("parallel-refused", "example.RefusedTest");
        assertEquals(1, refused.errors() + refused.failures(), refused.toString());
        String message = refused.cases().stream().map(Case::failure).filter(f -> f != null).findFirst().orElseThrow();
        assertTrue(message.contains("junit.jupiter.execution.parallel.enabled=true") && message.contains("@Isolated")
                && message.contains("@Execution(ExecutionMode.SAME_THREAD)"), message);
        Suite isolated = suite("parallel-refused", "example.IsolatedTest");
        assertEquals(1, isolated.tests());
        assertEquals(0, isolated.failures() + isolated.errors() + isolated.skipped(), isolated.toString());
    }
}
