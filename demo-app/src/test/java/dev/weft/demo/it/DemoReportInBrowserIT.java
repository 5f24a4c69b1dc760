package dev.weft.demo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.browser.Browser;
import dev.weft.testkit.Jdk;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real demo report in headless Chromium: it opens cleanly and shows the lesson's shapes. The
 * report of the run on the tests' own JDK (all four scenarios), shared with {@link DemoUnderAgentIT}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed assertion
class DemoReportInBrowserIT {

    private static final int TASKS = 3;

    @Test
    void theReportOpensInChromium() throws Exception {
        Browser.assumeAvailable();
        Path html = DemoRun.on(new Jdk(Runtime.version().feature(), Path.of(System.getProperty("java.home")))).html;
        try (Browser browser = Browser.open(1400, 1000)) {
            browser.load(html.toAbsolutePath());
            assertEquals(List.of(), browser.errors(), "no console errors");
            assertTrue(browser.number("return weft.state.drawn.segments") > 0, "lanes drawn");
            assertEquals(4L, browser.number("return document.querySelectorAll('#phases .phase').length"));
            assertEquals(Boolean.TRUE, browser.js(
                    "return weft.groups().some(g => g.virtual && g.count === 10000 && g.folded)"),
                    "10,000 virtual threads in one folded group");
            assertEquals(3L, browser.number("return weft.model.threads.filter(t => t.alive).length"),
                    "the forgotten threads are flagged alive at exit");
            assertTrue(browser.driver().findElement(org.openqa.selenium.By.id("banners")).getText()
                    .contains("forgotten wait"));
            // in the concurrent scenario the 3 workers and main all wait (the workers sleep, main awaits)
            double mid = browser.decimal("const p = weft.model.phases[1]; return (p.start + p.end) / 2");
            Map<String, Object> c = browser.map("return weft.curveAt(arguments[0])", mid);
            assertTrue(((Number) c.get("waiting")).longValue() >= TASKS + 1, "waiting " + c);
            Map<String, Object> before = browser.map("return weft.visibleRange()");
            browser.js("weft.zoomTo(weft.model.phases[1].start, weft.model.phases[1].end)");
            Map<String, Object> after = browser.map("return weft.visibleRange()");
            assertTrue(((Number) after.get("end")).doubleValue() - ((Number) after.get("start")).doubleValue()
                    < ((Number) before.get("end")).doubleValue() - ((Number) before.get("start")).doubleValue());
            browser.js("weft.fit(); document.getElementById('timeline-panel').scrollIntoView({block: 'start'}); weft.render()");
            browser.screenshot("demo-report.png");
            assertEquals(List.of(), browser.errors());
        }
    }
}
