package dev.weft.reports.browser;

import static dev.weft.reports.testing.WeftEvents.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.Reports;
import dev.weft.reports.diff.RecordingDiff;
import dev.weft.reports.render.DiffRenderer;
import dev.weft.reports.testing.DiffRecordings;
import dev.weft.reports.testing.TestThreads;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The diff page in real headless Chromium: four tasks in sequence before, at once after, drawn on one
 * time scale; and recordings whose every name is hostile.
 */
@SuppressWarnings("unchecked")
class DiffBrowserIT {

    @TempDir
    static Path dir;
    static Path lessonHtml;
    static Path hostileHtml;
    static Browser browser;
    static String unavailable;

    @BeforeAll
    static void pages() throws Exception {
        unavailable = Browser.unavailable();
        if (unavailable != null) {
            return;
        }
        Path before = DiffRecordings.sequential(dir.resolve("before.jfr"), DiffRecordings.PHASE);
        Path after = DiffRecordings.concurrent(dir.resolve("after.jfr"), DiffRecordings.PHASE);
        lessonHtml = dir.resolve("lesson.html");
        DiffRenderer.write(RecordingDiff.of(Reports.analyse(before), Reports.analyse(after)), lessonHtml, "test");
        Path hb = DiffRecordings.onMain(dir.resolve("hostile-before.jfr"), DiffBrowserIT::hostile);
        Path ha = DiffRecordings.onMain(dir.resolve("hostile-after.jfr"), DiffBrowserIT::hostile);
        hostileHtml = dir.resolve("hostile.html");
        DiffRenderer.write(RecordingDiff.of(Reports.analyse(hb), Reports.analyse(ha)), hostileHtml, "test");
        browser = Browser.open(1400, 1000);
    }

    /** A phase, a pool and waits named after the timeline test's XSS corpus. */
    static void hostile() throws Exception {
        workload(TimelineBrowserIT.HOSTILE_METHOD, () -> {
            for (String name : TimelineBrowserIT.HOSTILE) {
                Thread t = TestThreads.named(name, () -> {
                    workload(TimelineBrowserIT.HOSTILE_METHOD, () -> WeftEvents.await(TimelineBrowserIT.SCRIPT_NAME,
                            TimelineBrowserIT.IMG_NAME, name, null, () -> Thread.sleep(2)));
                });
                WeftEvents.start(t);
                t.join();
            }
        });
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void needsABrowser() {
        Assumptions.assumeTrue(unavailable == null, unavailable);
    }

    private void load(Path html) {
        browser.driver().get(html.toUri().toString());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(browser.js(
                "return !!(window.weftDiff && (window.weftDiff.ready || window.weftDiff.empty))")));
    }

    /** Pixels of the workload's blue (plain or nested) in canvas {@code id}, between css x0 and x1. */
    private long blueBetween(String id, double x0, double x1) {
        return browser.number("""
                const c = document.getElementById(arguments[0]), k = c.width / c.clientWidth;
                const a = Math.max(0, Math.round(arguments[1] * k)), b = Math.min(c.width, Math.round(arguments[2] * k));
                if (b <= a) return 0;
                const d = c.getContext('2d').getImageData(a, 0, b - a, c.height).data;
                let n = 0;
                for (let i = 0; i < d.length; i += 4) {
                  if ((d[i] === 70 && d[i + 1] === 82 && d[i + 2] === 208) || (d[i] === 47 && d[i + 1] === 57 && d[i + 2] === 166)) n++;
                }
                return n;""", id, x0, x1);
    }

    private double x(int side, double t) {
        return browser.decimal("return weftDiff.pair.xOf(arguments[0], arguments[1])", side, t);
    }

    @Test
    void bothTimelinesShareOneScaleAndTheShorterRunEndsEarly() throws Exception {
        load(lessonHtml);
        assertEquals(List.of(), browser.errors(), "no console errors");
        // each side starts at its phase: the phases' ends lie at their wall times from there
        double beforeWall = browser.decimal("return weftDiff.data.diff.phases[0].before.wallMs * 1000");
        double afterWall = browser.decimal("return weftDiff.data.diff.phases[0].after.wallMs * 1000");
        assertTrue(beforeWall > 1.5 * afterWall, "four tasks in sequence take far longer than at once");
        assertEquals(x(0, afterWall), x(1, afterWall), 0.5, "one time, one x, on both sides");
        double afterEnd = x(1, afterWall);
        double beforeEnd = x(0, beforeWall);
        assertTrue(beforeEnd - afterEnd > 200, "the before run reaches far further right: " + afterEnd + " vs " + beforeEnd);
        assertTrue(blueBetween("diff-before", afterEnd + 8, beforeEnd - 8) > 200, "before still works there");
        assertEquals(0, blueBetween("diff-after", afterEnd + 8, beforeEnd - 8), "after has finished there");
        assertTrue(blueBetween("diff-after", x(1, 0), afterEnd) > 200, "after worked before its end");
        List<Object> afterRows = (List<Object>) browser.js("return weftDiff.pair.rows(1).map(r => r.type + ':' + r.name)");
        assertTrue(afterRows.contains("group:pool-1-thread-N"), "the pool is a group of lanes after: " + afterRows);
        browser.screenshot("diff-lesson.png");
    }

    @Test
    void thePhaseShowsBeforeAfterAndRatiosColouredByWhatIsBetter() {
        load(lessonHtml);
        WebElement row = browser.driver().findElement(By.cssSelector("#diff-phases tbody tr"));
        String text = row.getText();
        assertTrue(text.contains(DiffRecordings.PHASE_NAME), text);
        List<WebElement> cells = row.findElements(By.tagName("td"));
        WebElement wall = cells.get(1).findElement(By.className("ratio"));
        assertTrue(wall.getAttribute("class").contains("better"), "less wall time after is better: " + wall.getText());
        double ratio = Double.parseDouble(wall.getText().replace("\u00d7", ""));
        assertTrue(ratio < 0.6, "after / before of the wall time: " + ratio);
        WebElement speed = cells.get(3).findElement(By.className("ratio"));
        assertTrue(speed.getAttribute("class").contains("better"), "more speed-up after is better: " + speed.getText());
        assertTrue(cells.get(6).getText().contains("join"), "the join main is blocked on after: " + cells.get(6).getText());
        String cards = browser.driver().findElement(By.id("cards")).getText();
        assertTrue(cards.toLowerCase(java.util.Locale.ROOT).contains("wall time") && cards.contains("\u2192"), cards);
    }

    @Test
    void threadsListTheBiggestChangeFirstWithPoolsAsGroups() {
        load(lessonHtml);
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#diff-threads tbody tr"));
        assertTrue(rows.size() >= 2, "main and the pool");
        WebElement pool = rows.stream().filter(r -> r.getText().startsWith("pool-1-thread-N")).findFirst().orElseThrow();
        assertTrue(pool.getText().contains("group"), pool.getText());
        assertTrue(pool.findElements(By.tagName("td")).get(1).getText().startsWith("0\u21924")
                || pool.findElements(By.tagName("td")).get(1).getText().replace(" ", "").startsWith("0\u21924"),
                "no pool before, four threads after: " + pool.getText());
        List<Object> changes = (List<Object>) browser.js("return weftDiff.data.diff.threads.map(t => t.changeMs)");
        for (int i = 1; i < changes.size(); i++) {
            assertTrue(((Number) changes.get(i - 1)).doubleValue() >= ((Number) changes.get(i)).doubleValue(), changes.toString());
        }
    }

    @Test
    void wheelAndButtonsMoveBothTimelinesTogether() {
        load(lessonHtml);
        Map<String, Object> fit = browser.map("return weftDiff.pair.view()");
        WebElement before = browser.driver().findElement(By.id("diff-before"));
        browser.js("document.getElementById('diff-timelines-panel').scrollIntoView({block: 'start'})");
        new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(before, 100, 0), 0, -300).perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> span(browser.map("return weftDiff.pair.view()")) < span(fit));
        double zoomed = span(browser.map("return weftDiff.pair.view()"));
        assertTrue(zoomed < span(fit) * 0.9, "the wheel zoomed in");
        assertEquals(x(0, 1000), x(1, 1000), 0.5, "both sides zoomed alike");
        browser.driver().findElement(By.id("diff-fit")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Math.abs(span(browser.map("return weftDiff.pair.view()")) - span(fit)) < 1e-6);
        assertEquals(List.of(), browser.errors());
    }

    private static double span(Map<String, Object> r) {
        return ((Number) r.get("end")).doubleValue() - ((Number) r.get("start")).doubleValue();
    }

    @Test
    void hostileNamesStayText() throws Exception {
        load(hostileHtml);
        assertEquals(List.of(), browser.errors(), "no console errors: nothing recorded ran as script");
        assertNull(browser.js("return window.pwned"));
        String phase = browser.driver().findElement(By.cssSelector("#diff-phases tbody td.name")).getText();
        assertTrue(phase.startsWith("Y.<svg onload=window.pwned=1>"), "the phase name as written: " + phase);
        String threads = browser.driver().findElement(By.id("diff-threads")).getText();
        assertTrue(threads.contains(TimelineBrowserIT.IMG_NAME), threads);
        assertTrue(threads.contains(TimelineBrowserIT.NON_BMP_NAME), threads);
        List<Object> names = (List<Object>) browser.js("return weftDiff.pair.rows(0).map(r => r.name)");
        assertTrue(names.contains(TimelineBrowserIT.SCRIPT_NAME), "the lanes carry the names as written: " + names);
        assertEquals(0L, browser.number("return document.querySelectorAll('#report img, #report svg, #report script').length"),
                "no element came out of a name");
        browser.screenshot("diff-hostile.png");
    }

    @Test
    void theTemplateAsShippedOpensInItsNoDataState() throws Exception {
        Path template = dir.resolve("diff-template.html");
        try (var in = DiffRenderer.class.getResourceAsStream(DiffRenderer.TEMPLATE)) {
            Files.copy(in, template);
        }
        load(template);
        assertEquals(List.of(), browser.errors(), "every part ran without an error");
        assertEquals("No data in this diff", browser.driver().findElement(By.id("empty-title")).getText());
        assertEquals(Boolean.TRUE, browser.js("return document.getElementById('report').hidden"));
    }
}
