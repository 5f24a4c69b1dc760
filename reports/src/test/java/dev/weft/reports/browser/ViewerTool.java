package dev.weft.reports.browser;

import dev.weft.reports.analyse.Analyser;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.model.ModelBuilder;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.render.HtmlRenderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Screenshots of a report and the viewer's benchmark, from the command line (not a test: speed is
 * measured here, never asserted). With the test class path of {@code reports}:
 *
 * <pre>
 * java -cp … dev.weft.reports.browser.ViewerTool shot report.html out.png [--critical] [--select NAME] [--size WxH] [--top]
 * java -cp … dev.weft.reports.browser.ViewerTool bench [SEGMENTS] [THREADS]
 * </pre>
 *
 * {@code bench} builds a model of {@code SEGMENTS} spans (default 1,000,000) over {@code THREADS} pool
 * threads (default 1,000) — each taking tasks from a queue (a wait, woken by the producer) and running
 * them (a workload, sometimes with a lock wait inside) — writes its report, and opens it three times in
 * headless Chromium: bytes per segment, and the time from navigation to the first frame with lanes.
 */
public final class ViewerTool {

    private static final long MS = 1_000_000L;

    private ViewerTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println("usage: ViewerTool shot REPORT.html OUT.png [--critical] [--select NAME] [--size WxH] [--top]\n"
                    + "       ViewerTool bench [SEGMENTS] [THREADS]");
            return;
        }
        switch (args[0]) {
            case "shot" -> shot(args);
            case "bench" -> bench(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 1_000);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void shot(String[] args) throws Exception {
        Path html = Path.of(args[1]).toAbsolutePath();
        Path png = Path.of(args[2]);
        boolean critical = false;
        boolean top = false;
        String select = null;
        int width = 1400;
        int height = 1000;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--critical" -> critical = true;
                case "--top" -> top = true;
                case "--select" -> select = args[++i];
                case "--size" -> {
                    String[] wh = args[++i].split("x");
                    width = Integer.parseInt(wh[0]);
                    height = Integer.parseInt(wh[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (Browser b = Browser.open(width, height)) {
            b.load(html);
            if (select != null) {
                b.js("weft.reveal(weft.model.threads.findIndex(t => t.name === arguments[0]))", select);
            }
            if (critical) {
                b.js("weft.setCritical(true)");
            }
            b.js(top ? "window.scrollTo(0, 0); weft.render()"
                    : "document.getElementById('timeline-panel').scrollIntoView({block: 'start'}); weft.render()");
            b.screenshot(png);
            List<String> errors = b.errors();
            System.out.println(png + (errors.isEmpty() ? "" : " console errors: " + errors));
        }
    }

    private static void bench(int segments, int threads) throws Exception {
        long t0 = System.nanoTime();
        Analysis analysis = Analyser.analyse(model(segments, threads));
        long analysed = System.nanoTime();
        Path dir = Files.createTempDirectory("weft-viewer-bench");
        Path html = dir.resolve("bench.html");
        long bytes = HtmlRenderer.write(analysis, html, "weft-reports bench");
        long written = System.nanoTime();
        long spans = analysis.model().workloadSpanCount() + analysis.model().waitSpanCount();
        String text = Files.readString(html);
        int segsAt = text.indexOf("\"segs\":");
        int descsAt = text.indexOf("\"descs\":");
        int wakesAt = text.indexOf("\"wakes\":[");
        int howsAt = text.indexOf("\"hows\":[");
        System.out.printf(Locale.ROOT, "%,d segments on %,d threads, %,d wake edges%n", spans, threads,
                analysis.wakeEdges().size());
        System.out.printf(Locale.ROOT, "model+analysis %.0f ms, html written %.0f ms%n", (analysed - t0) / 1e6,
                (written - analysed) / 1e6);
        System.out.printf(Locale.ROOT, "file %,d bytes: %.1f bytes per segment (segs alone %.1f, wakes %.1f per edge)%n",
                bytes, bytes / (double) spans, (descsAt - segsAt) / (double) spans,
                (howsAt - wakesAt) / (double) Math.max(1, analysis.wakeEdges().size()));
        List<Double> firstFrames = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            try (Browser b = Browser.open(1400, 1000)) {
                long start = System.nanoTime();
                b.driver().get(html.toUri().toString());
                new WebDriverWait(b.driver(), Duration.ofSeconds(120)).until(d -> Boolean.TRUE.equals(
                        b.js("return !!(window.weft && window.weft.timing && window.weft.timing.firstFrame)")));
                long seen = System.nanoTime();
                @SuppressWarnings("unchecked")
                Map<String, Object> timing = (Map<String, Object>) b.js("return weft.timing");
                new WebDriverWait(b.driver(), Duration.ofSeconds(120)).until(d -> Boolean.TRUE.equals(
                        b.js("return weft.aggregatesReady()")));
                double aggregates = ((Number) b.js("return weft.timing.aggregates")).doubleValue();
                // interaction: a zoom and a full redraw, timed in the page
                double redraw = ((Number) b.js("const a = performance.now(); weft.zoom(0.5); weft.render(); "
                        + "weft.fit(); weft.render(); return (performance.now() - a) / 2")).doubleValue();
                double first = ((Number) timing.get("firstFrame")).doubleValue();
                firstFrames.add(first);
                System.out.printf(Locale.ROOT, "run %d: script start %.0f ms, data parsed %.0f ms, first draw %.0f ms, "
                                + "first frame %.0f ms after navigation (%.0f ms seen from the driver); curve and groups "
                                + "counted at %.0f ms; a redraw %.0f ms; console errors %s%n",
                        run + 1, num(timing.get("start")), num(timing.get("parsed")), num(timing.get("firstDraw")), first,
                        (seen - start) / 1e6, aggregates, redraw, b.errors());
                if (run == 0) {
                    b.js("document.getElementById('timeline-panel').scrollIntoView({block: 'start'}); weft.render()");
                    b.screenshot(dir.resolve("bench.png"));
                }
            }
        }
        firstFrames.sort(null);
        System.out.printf(Locale.ROOT, "first frame, median of 3: %.0f ms; report and screenshot in %s%n",
                firstFrames.get(1), dir);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    /**
     * A pool: a producer (main) hands tasks to {@code threads} workers through a queue; each task is a
     * wait in {@code take} (woken by main) then a workload, one in four with a lock wait inside.
     */
    static dev.weft.reports.model.Model model(int segments, int threads) {
        SplittableRandom random = new SplittableRandom(42);
        ModelBuilder b = new ModelBuilder(null);
        long t0 = 1_700_000_000_000_000_000L;
        ThreadInfo main = b.thread(1, "main", false);
        b.started(main, t0, -1);
        int perThread = segments / threads;
        long end = t0;
        for (int w = 0; w < threads; w++) {
            ThreadInfo t = b.thread(100 + w, "pool-1-thread-" + (w + 1), false);
            long at = t0 + random.nextLong(5 * MS);
            b.started(t, at, 1);
            int made = 0;
            while (made < perThread) {
                long take = random.nextLong(MS / 10, 3 * MS);
                b.agentWait(t, at, at + take, "queue", "LinkedBlockingQueue.take", "java.util.concurrent.LinkedBlockingQueue",
                        17, -1, false);
                b.wake(main, at + take - random.nextLong(20_000), t.id(), 17, "unpark");
                at += take;
                made++;
                if (made == perThread) {
                    break;
                }
                long work = random.nextLong(MS / 2, 5 * MS);
                b.workload(t, at, at + work, "com.example.Task::run");
                made++;
                if (made < perThread && random.nextInt(4) == 0) {
                    long s = at + work / 3;
                    b.agentWait(t, s, s + work / 4, "lock", "ReentrantLock.lock", "java.util.concurrent.locks.ReentrantLock",
                            99, -1, false);
                    made++;
                }
                at += work;
            }
            b.ended(t, at);
            end = Math.max(end, at);
        }
        b.workload(main, t0, end, "com.example.Main::run");
        b.ended(main, end + MS);
        b.event("x", t0, end + MS);
        return b.build();
    }
}
