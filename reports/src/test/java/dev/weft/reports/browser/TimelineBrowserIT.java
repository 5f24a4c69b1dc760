package dev.weft.reports.browser;

import static dev.weft.reports.testing.WeftEvents.await;
import static dev.weft.reports.testing.WeftEvents.start;
import static dev.weft.reports.testing.WeftEvents.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.analyse.Analyser;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.render.HtmlRenderer;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.Scenarios;
import dev.weft.reports.testing.TestThreads;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/**
 * The timeline in real headless Chromium: reports made here from recordings with known threads,
 * driven by real mouse and keyboard input.
 */
class TimelineBrowserIT {

    static final String SCRIPT_NAME = "</script><script>window.pwned=1</script>";
    static final String IMG_NAME = "<img src=x onerror=window.pwned=1>";
    static final String QUOTES_NAME = "\"double\" 'single' back\\slash \\u0041 ${x} `tick`";
    static final String NEWLINE_NAME = "two\nlines\u2028sep\u2029para";
    static final String NON_BMP_NAME = "spool \uD83E\uDDF5 \uD83D\uDE00 \u00e9";
    static final String HOSTILE_METHOD = "x.Y::<svg onload=window.pwned=1>() & <!-- ]]>";
    static final List<String> HOSTILE = List.of(SCRIPT_NAME, IMG_NAME, QUOTES_NAME, NEWLINE_NAME, NON_BMP_NAME);

    @TempDir
    static Path dir;
    static Scenarios.Demo demo;
    static Path demoHtml;
    static Path hostileHtml;
    static Path plainHtml;
    static Path cutHtml;
    static Browser browser;
    static String unavailable;

    @BeforeAll
    static void reports() throws Exception {
        // each test then skips on its own, so that the count of skipped tests says what was not tested
        unavailable = Browser.unavailable();
        if (unavailable != null) {
            return;
        }
        demo = Scenarios.demo(dir.resolve("demo.jfr"));
        demoHtml = dir.resolve("demo.html");
        Reports.writeHtml(demo.jfr(), demoHtml);
        hostileHtml = dir.resolve("hostile.html");
        Reports.writeHtml(Recordings.record(dir.resolve("hostile.jfr"), true, TimelineBrowserIT::hostile), hostileHtml);
        plainHtml = dir.resolve("plain.html");
        Reports.writeHtml(Recordings.record(dir.resolve("plain.jfr"), false, TimelineBrowserIT::plain), plainHtml);
        cutHtml = dir.resolve("cut.html");
        HtmlRenderer.write(Analyser.analyse(tooLargeForItsBudget()), cutHtml, "test");
        browser = Browser.open(1400, 1000);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openTheDemo() {
        Assumptions.assumeTrue(unavailable == null, unavailable);
        browser.load(demoHtml);
    }

    /** Threads named after the XSS corpus, doing work and waits with hostile labels, one woken by another. */
    static void hostile() throws Exception {
        WeftEvents.AgentStatus status = new WeftEvents.AgentStatus();
        status.version = IMG_NAME;
        status.options = SCRIPT_NAME;
        status.transformErrors = 1;
        status.failedTypes = SCRIPT_NAME;
        status.suppressedErrors = 1;
        status.firstSuppressedError = IMG_NAME;
        status.commit();
        Object lock = new Object();
        for (String name : HOSTILE) {
            Thread t = TestThreads.named(name,
                    () -> workload(HOSTILE_METHOD, () -> await("latch", SCRIPT_NAME, lock, null, () -> Thread.sleep(3))));
            start(t);
            t.join();
        }
        WeftEvents.ThreadAliveAtExit alive = new WeftEvents.ThreadAliveAtExit();
        alive.threadId = 4242;
        alive.threadName = SCRIPT_NAME;
        alive.state = IMG_NAME;
        alive.activity = NEWLINE_NAME;
        alive.commit();
    }

    /** What a recording made without the agent holds: plain threads that sleep and park. */
    static void plain() throws Exception {
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                WeftEvents.sleep(15);
                java.util.concurrent.locks.LockSupport.parkNanos(15_000_000L);
            }, "plain-" + i);
            t.start();
            t.join();
        }
    }

    private int threadIndex(long id) {
        return (int) browser.number("return weft.model.threads.findIndex(t => t.id === arguments[0])", id);
    }

    /** The middle of the first wait of kind join on the thread at {@code index}, in the page's time; -1 without one. */
    private double middleOfFirstJoin(int index) {
        return browser.decimal("""
                const t = weft.model.threads[arguments[0]];
                for (let j = 0; j < t.n; j++) if (weft.model.kinds[weft.model.descs[t.desc[j]].kind] === 'join')
                  return (t.starts[j] + t.ends[j]) / 2;
                return -1;""", index);
    }

    private Map<String, Object> range() {
        return browser.map("return weft.visibleRange()");
    }

    private static double span(Map<String, Object> r) {
        return ((Number) r.get("end")).doubleValue() - ((Number) r.get("start")).doubleValue();
    }

    private WebElement canvas() {
        return browser.driver().findElement(By.id("canvas"));
    }

    /** Moves the real mouse to client coordinates {@code p} ({x, y}) and returns the tooltip's text. */
    private String hover(Map<String, Object> p) {
        new Actions(browser.driver()).moveToLocation((int) Math.round(((Number) p.get("x")).doubleValue()),
                (int) Math.round(((Number) p.get("y")).doubleValue())).perform();
        WebElement tooltip = browser.driver().findElement(By.id("tooltip"));
        return tooltip.isDisplayed() ? tooltip.getText() : null;
    }

    private Map<String, Object> pointOf(int thread, double t) {
        browser.js("document.getElementById('timeline-panel').scrollIntoView({block: 'start'})");
        return browser.map("return weft.pointOf(arguments[0], arguments[1])", thread, t);
    }

    @Test
    void opensWithoutConsoleErrorsAndDrawsTheLanes() throws Exception {
        assertEquals(List.of(), browser.errors(), "no console errors");
        assertTrue(browser.number("return weft.state.drawn.segments") > 0, "segments drawn");
        long blue = browser.number("""
                const c = document.getElementById('canvas'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 0; i < d.length; i += 4) if (d[i] === 70 && d[i + 1] === 82 && d[i + 2] === 208) n++;
                return n;""");
        assertTrue(blue > 500, "workload blue painted on the canvas: " + blue + " pixels");
        assertEquals(Boolean.FALSE, browser.js("return document.getElementById('report').hidden"));
        assertEquals(Boolean.TRUE, browser.js("return document.getElementById('empty').hidden"));
        browser.screenshot("synthetic-demo.png");
    }

    @Test
    void theHealthCardSaysWhatWasNotInstrumentedAndShowsTheFirstSuppressedErrorWithItsStack() {
        WebElement failed = browser.driver().findElement(By.id("health-failed"));
        WebElement suppressed = browser.driver().findElement(By.id("health-suppressed"));
        assertEquals(Boolean.FALSE, browser.js("return arguments[0].open", suppressed), "folded at first");
        browser.js("arguments[0].open = true; arguments[1].open = true", failed, suppressed);
        assertEquals(Scenarios.FAILED_TYPES, failed.findElement(By.tagName("pre")).getText());
        assertEquals(Scenarios.FIRST_SUPPRESSED, browser.js("return arguments[0].querySelector('pre').textContent", suppressed),
                "the stack as the agent recorded it");
        assertTrue(browser.driver().findElement(By.cssSelector(".card.warn.wide")).getText().contains("errors"));
    }

    @Test
    void wheelKeysAndButtonsZoomAndDragPans() {
        Map<String, Object> fit = range();
        WebElement canvas = canvas();
        browser.js("document.getElementById('timeline-panel').scrollIntoView({block: 'start'})");
        new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(canvas, 200, 0), 0, -300)
                .perform();
        Map<String, Object> wheeled = range();
        assertTrue(span(wheeled) < span(fit) * 0.8, "the wheel zoomed in: " + fit + " -> " + wheeled);

        browser.driver().findElement(By.id("btn-fit")).click();
        assertEquals(span(fit), span(range()), 1e-6, "Fit goes back");

        new Actions(browser.driver()).sendKeys(canvas, "+").perform();
        Map<String, Object> keyed = range();
        assertEquals(span(fit) / 1.5, span(keyed), span(fit) * 1e-6, "+ zooms in by 1.5");

        new Actions(browser.driver()).clickAndHold(canvas).moveByOffset(-150, 0).release().perform();
        Map<String, Object> dragged = range();
        assertTrue(((Number) dragged.get("start")).doubleValue() > ((Number) keyed.get("start")).doubleValue(),
                "dragging left shows later times: " + keyed + " -> " + dragged);
        assertEquals(span(keyed), span(dragged), span(keyed) * 1e-6, "panning keeps the zoom");

        browser.driver().findElement(By.id("btn-out")).click();
        assertTrue(span(range()) > span(dragged));
        new Actions(browser.driver()).sendKeys(canvas, "0").perform();
        assertEquals(span(fit), span(range()), 1e-6, "0 fits");
        assertEquals(List.of(), browser.errors());
    }

    @Test
    void hoverShowsTheTooltipOfTheSpanUnderTheMouse() {
        int main = threadIndex(demo.mainId());
        // the middle of main's join of the concurrent phase: a wait of kind join on Thread.join
        double t = middleOfFirstJoin(main);
        assertTrue(t > 0, "main joins");
        String text = hover(pointOf(main, t));
        assertNotNull(text, "a tooltip is shown");
        assertTrue(text.contains("join"), text);
        assertTrue(text.contains("main"), text);
        assertTrue(text.contains("woken by") && text.contains("worker-"), "the join names its waker: " + text);

        // over the gutter: the thread's own summary
        Map<String, Object> p = pointOf(main, t);
        p.put("x", ((Number) canvas().getRect().getX()).doubleValue() + 60);
        String lane = hover(p);
        assertNotNull(lane);
        assertTrue(lane.contains("started") && lane.contains("lifetime"), lane);
        assertEquals(List.of(), browser.errors());
    }

    @Test
    void aGroupFoldsAndUnfoldsFromItsName() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) browser.js("return weft.groups()");
        Map<String, Object> workers = groups.stream().filter(g -> "pool:worker-N".equals(g.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("a worker-N group: " + groups));
        assertEquals(4L, ((Number) workers.get("count")).longValue());
        assertEquals(Boolean.FALSE, workers.get("folded"), "small groups start unfolded");
        long lanes = browser.number("return weft.rows().filter(r => r.type === 'thread').length");
        int worker = threadIndex(demo.workerIds().get(0));
        assertEquals("thread", browser.js("return weft.rows().find(r => r.thread && r.thread.index === arguments[0]).type", worker));

        browser.js("document.getElementById('timeline-panel').scrollIntoView({block: 'start'})");
        Map<String, Object> at = browser.map("return weft.groupPoint('pool:worker-N')");
        new Actions(browser.driver()).moveToLocation(((Number) at.get("x")).intValue(), ((Number) at.get("y")).intValue())
                .click().perform();
        assertEquals(Boolean.TRUE, browser.js("return weft.groups().find(g => g.key === 'pool:worker-N').folded"));
        assertEquals(lanes - 4, browser.number("return weft.rows().filter(r => r.type === 'thread').length"),
                "the four worker lanes are one folded lane now");
        assertEquals(Boolean.TRUE, browser.js("return weft.rows().some(r => r.type === 'group' && r.folded)"));

        at = browser.map("return weft.groupPoint('pool:worker-N')");
        new Actions(browser.driver()).moveToLocation(((Number) at.get("x")).intValue(), ((Number) at.get("y")).intValue())
                .click().perform();
        assertEquals(lanes, browser.number("return weft.rows().filter(r => r.type === 'thread').length"));
        assertEquals(List.of(), browser.errors());
    }

    @Test
    void theFilterKeepsMatchingLanesAndTableRows() {
        WebElement filter = browser.driver().findElement(By.id("filter"));
        filter.sendKeys("WORKER");
        browser.driver().findElement(By.id("canvas")); // the filter applies after a short pause
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> "worker".equals(browser.js("return weft.state.filter")));
        // the demo's four workers, and whatever else of the test JVM has "worker" in its name (carriers)
        long expected = browser.number(
                "return weft.model.threads.filter(t => !t.system && t.name.toLowerCase().includes('worker')).length");
        assertTrue(expected >= 4);
        assertEquals(expected, browser.number("return weft.rows().filter(r => r.type === 'thread').length"));
        assertEquals(expected, browser.number("return document.querySelectorAll('#threads tbody tr').length"));
        for (long id : demo.workerIds()) {
            assertEquals(Boolean.TRUE, browser.js("return weft.rows().some(r => r.thread && r.thread.id === arguments[0])", id));
        }
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> "".equals(browser.js("return weft.state.filter")));
        assertTrue(browser.number("return weft.rows().filter(r => r.type === 'thread').length") > 4);
    }

    @Test
    void selectingAThreadListsWhatItStartedWokeAndWhatWokeIt() {
        int main = threadIndex(demo.mainId());
        browser.js("document.getElementById('timeline-panel').scrollIntoView({block: 'start'})");
        Map<String, Object> p = pointOf(main, 0);
        new Actions(browser.driver()).moveToLocation(((Number) canvas().getRect().getX()).intValue() + 60,
                ((Number) p.get("y")).intValue()).click().perform();
        assertEquals((long) main, browser.number("return weft.state.selected"));
        String details = browser.driver().findElement(By.id("details")).getText();
        assertTrue(details.contains("started") && details.contains("worker-0") && details.contains("worker-3"), details);
        assertTrue(details.contains("woken by"), details);
        for (long id : demo.workerIds()) {
            assertEquals(Boolean.TRUE, browser.js("return !!weft.state.related.any[arguments[0]]", threadIndex(id)),
                    "a worker main started is highlighted");
        }
        // the table row follows, and a click on a listed thread goes to it
        assertEquals(1L, browser.number("return document.querySelectorAll('#threads tbody tr.selected').length"));
        browser.driver().findElements(By.cssSelector("#details .links button")).stream()
                .filter(b -> b.getText().startsWith("worker-2")).findFirst().orElseThrow().click();
        assertEquals((long) threadIndex(demo.workerIds().get(2)), browser.number("return weft.state.selected"));
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        assertEquals(-1L, browser.number("return weft.state.selected"));
        assertEquals(List.of(), browser.errors());
    }

    @Test
    void theCriticalPathIsDrawnOnDemand() throws Exception {
        assertEquals(0L, browser.number("return weft.state.drawn.criticalSteps"));
        browser.driver().findElement(By.id("toggle-critical")).click();
        browser.js("weft.render()");
        assertTrue(browser.number("return weft.state.drawn.criticalSteps") > 0);
        String summary = browser.driver().findElement(By.id("critical-summary")).getText();
        assertTrue(summary.startsWith("Critical path:") && summary.contains("main"), summary);
        assertTrue(browser.number("return weft.model.critical.filter(s => s.link === 2).length") > 0,
                "the path goes through a worker main started");
        browser.screenshot("synthetic-critical-path.png");
        assertEquals(List.of(), browser.errors());
    }

    @Test
    void theConcurrencyCurveCountsRunningWaitingAndAlive() {
        // the middle of main's first join: the 4 workers it started before spin, main waits
        int main = threadIndex(demo.mainId());
        double mid = middleOfFirstJoin(main);
        Map<String, Object> c = browser.map("return weft.curveAt(arguments[0])", mid);
        Object who = browser.js("""
                const m = weft.model, t0 = arguments[0];
                return m.threads.filter(t => !t.system).map(t => {
                  let work = false, wait = false;
                  for (let j = 0; j < t.n; j++) if (t.starts[j] <= t0 && t0 < t.ends[j]) {
                    if (m.descs[t.desc[j]].kind === 0) work = true; else wait = true; }
                  return t.name + (work ? ' working' : '') + (wait ? ' waiting' : '');
                }).join(', ');""", mid);
        assertEquals(4L, ((Number) c.get("running")).longValue(), "running " + c + ": " + who);
        assertTrue(((Number) c.get("waiting")).longValue() >= 1, "main waits " + c);
        assertTrue(((Number) c.get("alive")).longValue() >= 5, "alive " + c);
        // after the recording nothing runs
        Map<String, Object> after = browser.map("return weft.curveAt(weft.data.durationUs + 10)");
        assertEquals(0L, ((Number) after.get("running")).longValue());
    }

    @Test
    void theLegendNamesEveryWaitKindPresentWithItsOwnColour() {
        @SuppressWarnings("unchecked")
        List<String> kinds = (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('#legend [data-kind]')).map(e => e.getAttribute('data-kind'))");
        assertTrue(kinds.containsAll(List.of("workload", "join", "latch", "park")), kinds.toString());
        long colours = browser.number("""
                const s = new Set(Array.from(document.querySelectorAll('#legend [data-kind] .swatch')).map(e => getComputedStyle(e).backgroundColor));
                return s.size;""");
        assertEquals(kinds.size(), colours, "one colour per legend entry");
    }

    @Test
    void everyWaitKindTheAgentEmitsHasItsOwnColour() {
        // the one list of kinds: the viewer takes each colour from the report's data
        List<String> kinds = new java.util.ArrayList<>(dev.weft.reports.model.WaitKinds.names());
        kinds.add("workload");
        @SuppressWarnings("unchecked")
        List<String> colours = (List<String>) browser.js("return arguments[0].map(k => weft.kindColor(k))", kinds);
        assertEquals(kinds.size(), new java.util.HashSet<>(colours).size(), "distinct: " + colours);
    }

    @Test
    void theThreadTableSortsAndARowLeadsToItsLane() {
        browser.driver().findElement(By.cssSelector("#threads th[data-key=name]")).click();
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('#threads tbody td.name')).map(td => td.firstChild.textContent)");
        List<String> sorted = new java.util.ArrayList<>(names);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, names, "sorted by name, A first");
        browser.driver().findElement(By.cssSelector("#threads th[data-key=name]")).click();
        @SuppressWarnings("unchecked")
        List<String> reversed = (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('#threads tbody td.name')).map(td => td.firstChild.textContent)");
        assertEquals(names.get(0), reversed.get(reversed.size() - 1), "a second click reverses");

        int forgotten = threadIndex(demo.forgottenId());
        browser.driver().findElement(By.cssSelector("#threads tbody tr[data-thread='" + forgotten + "']")).click();
        assertEquals((long) forgotten, browser.number("return weft.state.selected"));
        Map<String, Object> p = browser.map("return weft.pointOf(arguments[0], 0)", forgotten);
        assertEquals(Boolean.TRUE, p.get("inView"), "its lane is scrolled into the view");
        assertEquals(List.of(), browser.errors());
    }

    @Test
    void theXssCorpusIsInertAndShownAsWritten() throws Exception {
        browser.load(hostileHtml);
        assertEquals(List.of(), browser.errors(), "no console errors, no CSP violation");
        assertNull(browser.js("return window.pwned"), "nothing ran");
        assertEquals(0L, browser.number("return document.images.length + document.querySelectorAll('svg image, iframe, object, embed').length"));
        assertEquals(2L, browser.number("return document.scripts.length"), "only the page's own two script elements");
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('#threads tbody td.name')).map(td => td.firstChild.textContent)");
        for (String name : HOSTILE) {
            assertTrue(cells.contains(name), "the table shows " + name + " as written: " + cells);
        }
        assertEquals(SCRIPT_NAME, browser.js("return document.querySelector('#alive tbody td.name').textContent"));
        assertEquals(NEWLINE_NAME, browser.js("return document.querySelector('#alive pre.activity').textContent"));
        assertEquals(SCRIPT_NAME, browser.js("return document.querySelector('#health-failed pre').textContent"));
        assertEquals(IMG_NAME, browser.js("return document.querySelector('#health-suppressed pre').textContent"));
        for (String name : HOSTILE) {
            int index = (int) browser.number("return weft.model.threads.findIndex(t => t.name === arguments[0])", name);
            assertTrue(index >= 0, name);
            browser.js("weft.scrollToThread(arguments[0])", index);
            double t = browser.decimal("const t = weft.model.threads[arguments[0]]; return (t.starts[0] + t.ends[0]) / 2", index);
            String tip = browser.js("""
                    const p = weft.pointOf(arguments[0], arguments[1]);
                    const c = document.getElementById('canvas');
                    c.dispatchEvent(new MouseEvent('mousemove', {clientX: p.x, clientY: p.y, bubbles: true}));
                    const tip = document.getElementById('tooltip');
                    return tip.hidden ? null : tip.querySelector('.t-val').textContent;""", index, t).toString();
            assertEquals(name, tip, "the tooltip shows the name as written");
        }
        assertEquals("latch \u00b7 " + SCRIPT_NAME, browser.js("return document.querySelector('#tooltip .t-title').textContent"),
                "the wait under the mouse, its hostile API as written");
        assertEquals(HOSTILE_METHOD, browser.js("return document.querySelector('#phases .p-method').textContent"),
                "the hostile workload method, as written");
        assertNull(browser.js("return window.pwned"));
        browser.screenshot("hostile.png");
        assertEquals(List.of(), browser.errors());
    }

    @Test
    void theTemplateAsShippedOpensInItsNoDataState() throws Exception {
        // the assembled template exactly as it lies in the jar, with its development policy
        Path template = dir.resolve("template.html");
        try (var in = HtmlRenderer.class.getResourceAsStream(HtmlRenderer.TEMPLATE)) {
            java.nio.file.Files.copy(in, template);
        }
        browser.load(template);
        assertEquals(List.of(), browser.errors(), "every part ran without an error");
        assertEquals(Boolean.TRUE, browser.js("return weft.state.empty"));
        assertEquals("No data in this report", browser.driver().findElement(By.id("empty-title")).getText());
        assertEquals(Boolean.TRUE, browser.js("return document.getElementById('report').hidden"));
    }

    /** A model of a main thread's 40 one-millisecond spans, in a budget for ten of them. */
    static Model tooLargeForItsBudget() {
        ModelBuilder b = new ModelBuilder(dir.resolve("cut.jfr"));
        b.heapBudget(ModelBuilder.THREAD_BYTES + 10 * ModelBuilder.SPAN_BYTES);
        long t0 = 1_700_000_000_000_000_000L;
        b.event("weft.Workload", t0, t0);
        ThreadInfo main = b.thread(1, "main", false);
        for (int i = 0; i < 40; i++) {
            long start = t0 + i * 1_000_000L;
            b.event("weft.Workload", start, start + 500_000);
            b.seen(main, start, start + 500_000);
            b.workload(main, start, start + 500_000, "example.Main::step");
        }
        return b.build();
    }

    @Test
    void aReportCutByItsHeapSaysSoAndNotThatTheRecordingIsDamaged() {
        browser.load(cutHtml);
        assertEquals(List.of(), browser.errors());
        String banners = browser.driver().findElement(By.id("banners")).getText();
        assertTrue(banners.contains("Only the first part of the recording is drawn") && banners.contains("the timeline "
                + "shows its first 0.010 s of 0.040 s"), banners);
        assertFalse(banners.contains("corrupt"), banners);
    }

    @Test
    void aRecordingWithoutTheAgentSaysWhatIsMissingAndStillDrawsLanes() throws Exception {
        browser.load(plainHtml);
        assertEquals(List.of(), browser.errors());
        String banners = browser.driver().findElement(By.id("banners")).getText();
        assertTrue(banners.contains("without the Weft agent") && banners.contains("workload spans"), banners);
        assertTrue(browser.number("return weft.state.drawn.segments") > 0, "the JVM's sleeps and parks are drawn");
        assertTrue(browser.number("return weft.rows().filter(r => r.type === 'thread' || r.type === 'group').length") >= 1);
        assertFalse(browser.driver().findElement(By.id("phases-panel")).isDisplayed(), "no phases without workload spans");
        browser.screenshot("no-agent.png");
    }
}
