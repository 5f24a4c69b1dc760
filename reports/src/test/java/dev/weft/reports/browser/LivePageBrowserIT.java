package dev.weft.reports.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.live.LivePage;
import dev.weft.reports.live.LiveSource;
import dev.weft.reports.testing.Recordings;
import dev.weft.reports.testing.WeftEvents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in real headless Chromium, fed by a real JFR stream: this test JVM records to disk,
 * a {@link LiveSource} follows its own repository, and a stand-in for the agent's sampler says who is
 * blocked. The page follows who is blocked as it changes, draws lanes, keeps hostile names as text,
 * pauses and resumes, and its snapshot button reaches the watcher. Its policy blocks nothing of its own:
 * a violation would be a console error.
 */
@Timeout(300)
class LivePageBrowserIT {

    static final String HOSTILE = "</script><img src=x onerror=window.pwned=1>";

    @Test
    void thePageFollowsWhoIsBlockedAsItChanges() throws Exception {
        Browser.assumeAvailable();
        AtomicReference<List<String>> blockedNow = new AtomicReference<>(List.of("first-blocked", HOSTILE));
        try (Recording r = new Recording()) {
            for (Class<? extends jdk.jfr.Event> type : Recordings.WEFT) {
                r.enable(type).withThreshold(Duration.ZERO);
            }
            r.enable("jdk.ThreadStart");
            r.setToDisk(true);
            r.start();
            Path repository = Path.of(System.getProperty("jdk.jfr.repository"));
            Sampler sampler = new Sampler(blockedNow);
            sampler.start();
            try (LivePage page = LivePage.start("JVM 4242 (test)", () -> "snapshot: /tmp/x.html  (jfr: /tmp/x.jfr)");
                 LiveSource source = LiveSource.start(repository, Duration.ofSeconds(60), page::show);
                 Browser browser = Browser.open(1200, 900)) {
                browser.driver().get(page.url().toString());
                WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
                wait.until(d -> table(browser).contains("first-blocked"));
                assertTrue(table(browser).contains(HOSTILE), "a hostile name is text: " + table(browser));
                assertEquals("JVM 4242 (test)", browser.driver().findElement(By.id("target")).getText());
                long before = updates(browser);

                blockedNow.set(List.of("second-blocked"));
                wait.until(d -> table(browser).contains("second-blocked") && !table(browser).contains("first-blocked"));
                assertTrue(updates(browser) > before, "the page polled again");
                assertEquals("1", browser.driver().findElement(By.id("blocked")).getText());
                assertTrue(browser.number("return document.getElementById('lanes').height") > 0);

                browser.driver().findElement(By.id("pause")).click();
                long paused = updates(browser);
                long t0 = System.nanoTime();
                blockedNow.set(List.of("third-blocked"));
                // what must not happen needs a span of time to not happen in: three polls' worth
                while (System.nanoTime() - t0 < 3_000_000_000L) {
                    assertEquals(paused, updates(browser), "paused: no polling");
                    Thread.sleep(200);
                }
                assertFalse(table(browser).contains("third-blocked"));
                browser.driver().findElement(By.id("pause")).click();
                wait.until(d -> table(browser).contains("third-blocked"));

                browser.driver().findElement(By.id("snapshot")).click();
                wait.until(d -> d.findElement(By.id("message")).getText().startsWith("snapshot: /tmp/x.html"));

                assertEquals(null, browser.js("return window.pwned"), "no script ran from the data");
                assertEquals(List.of(), browser.errors(), "no policy violation, no script error");
                browser.screenshot(Path.of(System.getProperty("weft.browser.out", "target/browser")).resolve("live.png"));
            } finally {
                sampler.interrupt();
                sampler.join(10_000);
            }
        }
    }

    private static String table(Browser browser) {
        return browser.driver().findElement(By.id("blocked-rows")).getText();
    }

    private static long updates(Browser browser) {
        return browser.number("return window.weftLive.updates");
    }

    /** Stands in for the agent's sampler: every 300 ms a sample lists the threads named blocked now. */
    private static final class Sampler extends Thread {
        private final AtomicReference<List<String>> blocked;

        Sampler(AtomicReference<List<String>> blocked) {
            super("test-sampler");
            this.blocked = blocked;
            setDaemon(true);
        }

        @Override
        public void run() {
            long sample = 0;
            while (!isInterrupted()) {
                sample++;
                List<String> now = blocked.get();
                for (int i = 0; i < now.size(); i++) {
                    WeftEvents.WaitInProgress e = new WeftEvents.WaitInProgress();
                    e.sample = sample;
                    e.threadId = 1_000 + now.get(i).hashCode() % 1000 + 1000;
                    e.threadName = now.get(i);
                    e.kind = "lock";
                    e.api = "java.util.concurrent.locks.ReentrantLock.lock";
                    e.commit();
                }
                WeftEvents.WaitSample s = new WeftEvents.WaitSample();
                s.sample = sample;
                s.inProgress = now.size();
                s.listed = now.size();
                s.commit();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
