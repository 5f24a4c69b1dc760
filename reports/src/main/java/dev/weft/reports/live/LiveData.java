package dev.weft.reports.live;

import dev.weft.reports.render.JsonWriter;
import dev.weft.reports.render.ReportData;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The live page's data, refreshed about once a second: {@code {"report": …, "live": …}}. {@code report}
 * is the window in the report's own data format ({@link ReportData}), so the page draws lanes, wait
 * kinds and wake arrows from what a report would hold; {@code live} is what the window says about now:
 *
 * <pre>
 * live{t, behindMs, windowMs, sampled, title,
 *      threads{running, blocked, idle},
 *      blocked[]{thread, id, virtual, kind, api, on, forMs}, idle[] (the same fields)}
 * </pre>
 */
public final class LiveData {

    /** Threads listed per group at most: the page shows the longest-waiting ones. */
    static final int LISTED = 200;

    private LiveData() {
    }

    /** Writes the data of {@code view} to {@code out} (not closed). */
    public static void write(LiveView view, String title, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        JsonWriter json = new JsonWriter(writer);
        json.beginObject().name("report");
        ReportData.write(view.analysis(), json, "weft live");
        LiveState s = view.state();
        json.name("live").beginObject().name("t", s.t()).name("behindMs", s.behindMs())
                .name("windowMs", view.windowMillis()).name("sampled", s.sampled()).name("title", title);
        json.name("threads").beginObject().name("running", s.running()).name("blocked", s.blocked().size())
                .name("idle", s.idle().size()).endObject();
        waiting(json, "blocked", s);
        waiting(json, "idle", s);
        json.endObject().endObject();
        writer.flush();
    }

    private static void waiting(JsonWriter json, String name, LiveState s) throws IOException {
        json.name(name).beginArray();
        var list = name.equals("blocked") ? s.blocked() : s.idle();
        for (LiveState.Waiting w : list.subList(0, Math.min(LISTED, list.size()))) {
            json.beginObject().name("thread", w.thread()).name("id", w.threadId()).name("virtual", w.virtual())
                    .name("kind", w.kind()).name("api", w.api()).name("on", w.on()).name("forMs", w.forMs())
                    .endObject();
        }
        json.endArray();
    }
}
