package dev.weft.reports.render;

import static dev.weft.reports.testing.WeftEvents.await;
import static dev.weft.reports.testing.WeftEvents.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.testing.Json;
import dev.weft.reports.testing.PageData;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.TestThreads;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlRendererTest {

    static final String HOSTILE_THREAD = "</script><script>alert(1)</script>";
    static final String HOSTILE_METHOD = "<img src=x onerror=alert(1)> \"quoted\" back\\slash new\nline "
            + "sep\u2028 \uD83E\uDDF5 & <!-- --> ]]>";

    @TempDir
    static Path dir;
    static String html;
    static Map<String, Object> data;
    static Analysis analysis;

    @BeforeAll
    static void render() throws Exception {
        Path jfr = Recordings.record(dir.resolve("hostile.jfr"), true, () -> {
            Thread t = TestThreads.named(HOSTILE_THREAD, () -> {
                workload(HOSTILE_METHOD, () -> await("sleep", HOSTILE_THREAD, null, null,
                        () -> Thread.sleep(5)));
            });
            t.start();
            t.join();
        });
        analysis = Reports.analyse(jfr);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = HtmlRenderer.write(analysis, out, "weft-reports test");
        assertEquals(out.size(), n, "bytes counted");
        html = out.toString(StandardCharsets.UTF_8);
        data = parseData(html);
    }

    static String embeddedJson(String page) {
        String open = "<script type=\"application/json\" id=\"weft-data\">";
        int a = page.indexOf(open);
        assertTrue(a >= 0, "data element present");
        int b = page.indexOf("</script>", a);
        return page.substring(a + open.length(), b);
    }

    static Map<String, Object> parseData(String page) {
        return PageData.of(page);
    }

    @Test
    void hostileNamesCannotLeaveTheDataElement() {
        String json = embeddedJson(html);
        assertFalse(json.contains("</"), "no closing tag inside the data");
        assertFalse(json.contains("<"), "no tag at all");
        assertFalse(json.contains(">"));
        assertFalse(json.contains("\u2028") || json.contains("\u2029"));
        assertFalse(json.contains("\n"));
        assertTrue(json.contains("\uD83E\uDDF5"), "non-BMP characters stay as they are in UTF-8");
        // the page holds exactly the template's scripts: nothing was injected
        assertEquals(count(ViewerPage.TIMELINE.text(), "<script"), count(html, "<script"));
        assertEquals(1, count(html, "<script type=\"application/json\""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void hostileNamesRoundTripThroughTheJson() {
        List<Map<String, Object>> threads = PageData.threads(data);
        assertTrue(threads.stream().anyMatch(t -> HOSTILE_THREAD.equals(t.get("name"))), "thread name round-trips");
        List<Object> strings = (List<Object>) data.get("strings");
        assertTrue(strings.contains(HOSTILE_METHOD), "method name round-trips");
        assertTrue(strings.contains(HOSTILE_THREAD), "api name round-trips");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDataDescribesLanesAndSegmentsCompactly() {
        assertEquals("weft-report", data.get("format"));
        assertEquals(5.0, data.get("version"));
        List<Map<String, Object>> threads = PageData.threads(data);
        List<List<Double>> segs = (List<List<Double>>) data.get("segs");
        assertEquals(threads.size(), segs.size(), "one segment list per lane");
        List<Object> kinds = (List<Object>) data.get("kinds");
        assertEquals("workload", kinds.get(0));
        assertTrue(kinds.contains("sleep"));
        int hostile = -1;
        for (int i = 0; i < threads.size(); i++) {
            if (HOSTILE_THREAD.equals(threads.get(i).get("name"))) {
                hostile = i;
            }
        }
        List<Double> s = segs.get(hostile);
        assertEquals(6, s.size(), "a workload and a wait, three numbers each");
        List<Double> descs = (List<Double>) data.get("descs");
        int workloadDesc = s.get(2).intValue();
        int waitDesc = s.get(5).intValue();
        assertEquals(0, descs.get(8 * workloadDesc).intValue(), "first segment is the workload");
        assertEquals(kinds.indexOf("sleep"), descs.get(8 * waitDesc).intValue(), "then the wait");
        assertTrue(s.get(3) >= 0 && s.get(4) >= 4000, "the wait starts after the workload and lasts the sleep");
        double start = ((Number) threads.get(hostile).get("start")).doubleValue();
        double end = ((Number) threads.get(hostile).get("end")).doubleValue();
        assertTrue(s.get(0) >= start && s.get(0) + s.get(1) <= end + 1, "segments inside the lifetime");
        // segments cost few bytes: well under 40 per segment here
        String json = embeddedJson(html);
        int at = json.indexOf("\"segs\":");
        int to = json.indexOf("\"descs\":");
        long segments = segs.stream().mapToLong(l -> l.size() / 3).sum();
        assertTrue(segments > 0);
        assertTrue((to - at) / (double) segments < 40, "bytes per segment " + (to - at) / (double) segments);
    }

    @Test
    void aPhaseIsARowThatNamesItsStringsAndKinds() {
        List<Map<String, Object>> phases = PageData.phases(data);
        List<dev.weft.reports.analyse.Phase> expected = analysis.phases();
        assertFalse(expected.isEmpty(), "the hostile workload is a phase");
        assertEquals(expected.size(), phases.size());
        for (int i = 0; i < phases.size(); i++) {
            Map<String, Object> p = phases.get(i);
            dev.weft.reports.analyse.Phase e = expected.get(i);
            assertEquals(e.name(), p.get("name"));
            assertEquals(HOSTILE_METHOD, p.get("method"), "the method, whole, from the page's strings");
            // every number where the viewer reads it: a field written in another's place fails here
            long origin = analysis.model().start();
            Map<String, Number> numbers = new java.util.LinkedHashMap<>();
            numbers.put("start", micros(e.start() - origin));
            numbers.put("end", micros(e.end() - origin));
            numbers.put("wall", micros(e.wall()));
            numbers.put("inFlight", rounded(e.inFlight()));
            numbers.put("inFlightTime", micros(e.inFlightTime()));
            numbers.put("inFlightPeak", (long) e.inFlightPeak());
            numbers.put("running", rounded(e.running()));
            numbers.put("runningTime", micros(e.runningTime()));
            numbers.put("runningPeak", (long) e.runningPeak());
            numbers.put("blocked", micros(e.blocked()));
            numbers.put("blockedShare", rounded(e.blockedShare()));
            numbers.put("idle", micros(e.idle()));
            numbers.put("threadTime", micros(e.threadTime()));
            numbers.put("threads", (long) e.threads());
            numbers.forEach((field, value) -> assertEquals(value.doubleValue(), ((Number) p.get(field)).doubleValue(),
                    1e-9, field + " of " + p));
            assertTrue(e.runningTime() != e.inFlightTime() || e.blocked() == 0,
                    "the phase's times differ, so a swap of two of them shows");
            assertEquals(0, ((Number) p.get("group")).intValue(), "the one group, of the one method");
            Map<String, Object> byKind = (Map<String, Object>) p.get("blockedByKind");
            assertEquals(e.blockedByKind().keySet(), byKind.keySet());
            assertTrue(byKind.containsKey("sleep") && ((Number) byKind.get("sleep")).longValue() >= 4000,
                    "the phase's sleep, by its kind's name: " + byKind);
        }
    }

    private static long micros(long nanos) {
        return nanos >= 0 ? (nanos + 500) / 1000 : -((-nanos + 500) / 1000);
    }

    private static double rounded(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    @Test
    void theTemplateOpensAsItIsWithNoDataAndNeedsNoNetwork() {
        String template = ViewerPage.TIMELINE.text();
        assertEquals(1, count(template, HtmlRenderer.MARKER), "the marker is there once");
        String csp = ViewerPage.TIMELINE.policy();
        assertTrue(csp.startsWith("default-src 'none'; script-src 'sha256-"), csp);
        assertFalse(csp.contains("unsafe"), "scripts and styles only by hash: " + csp);
        assertTrue(csp.contains("base-uri 'none'") && csp.contains("form-action 'none'"), csp);
        assertTrue(template.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">"));
        assertTrue(html.contains("content=\"" + csp + "\""));
        assertFalse(template.contains("http://") || template.contains("https://"), "nothing from the network");
        assertFalse(template.contains("innerHTML") || template.contains("outerHTML")
                || template.contains("insertAdjacentHTML") || template.contains("document.write"),
                "data reaches the page only as text");
        assertFalse(template.contains("eval("));
        assertTrue(template.contains("id=\"empty\""), "a friendly no-data state");
        assertTrue(template.contains("window.weft"), "a hook for browser tests");
        assertEquals(Map.of("weft", "no-data"), Json.parse(HtmlRenderer.MARKER));
    }

    @Test
    void writesToAFileAtomicallyAndReplacesAnOldOne() throws Exception {
        Path out = dir.resolve("sub/dir/report.html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "old");
        Analysis analysis = Reports.analyse(dir.resolve("hostile.jfr"));
        long n = HtmlRenderer.write(analysis, out, "weft-reports test");
        assertEquals(Files.size(out), n);
        assertNotNull(parseData(Files.readString(out)));
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file left behind");
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
