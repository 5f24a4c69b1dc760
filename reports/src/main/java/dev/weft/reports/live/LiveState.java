package dev.weft.reports.live;

import dev.weft.reports.model.Model;
import dev.weft.reports.model.StringTable;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.render.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the application's threads do at the end of the window, from the model: a thread whose last
 * wait sample saw it waiting, with no end of that wait since, has an open wait span (see
 * {@link WaitSpans#OPEN}) and is blocked or idle ({@link WaitClass}); every other application
 * thread alive then counts as running. The JDK's and the tools' own threads are not counted.
 *
 * @param t         milliseconds since the watch began
 * @param behindMs  how far the newest event lags behind the wall clock
 * @param running   application threads alive and not waiting
 * @param blocked   threads in a wait that is not a wait for work, the longest first
 * @param idle      threads waiting for work (pool workers)
 * @param sampled   whether the recording samples waits in progress at all (an agent with weft.WaitSample)
 */
public record LiveState(long t, long behindMs, int running, List<Waiting> blocked, List<Waiting> idle,
                        boolean sampled) {

    /** One thread waiting now. */
    public record Waiting(String thread, long threadId, boolean virtual, String kind, String api, String on,
                          long forMs) {
    }

    /** The state at the end of {@code m}, watched since {@code startMillis} (epoch). */
    public static LiveState of(Model m, long startMillis, long nowMillis) {
        List<Waiting> blocked = new ArrayList<>();
        List<Waiting> idle = new ArrayList<>();
        int running = 0;
        StringTable s = m.strings();
        for (ThreadInfo t : m.threads()) {
            if (t.isSystem() || t.endSeen()) {
                continue;
            }
            WaitSpans w = t.waits();
            int open = -1;
            for (int i = w.size() - 1; i >= 0 && open < 0; i--) {
                if ((w.flags(i) & WaitSpans.OPEN) != 0) {
                    open = i;
                }
            }
            if (open < 0) {
                running++;
                continue;
            }
            String kind = s.get(w.kind(open));
            String api = s.get(w.api(open));
            String on = s.get(w.blockerClass(open));
            Waiting waiting = new Waiting(t.displayName(), t.id(), t.isVirtual(), kind, api, on,
                    Math.max(0, (m.end() - w.start(open)) / 1_000_000L));
            (WaitClass.idle(kind) ? idle : blocked).add(waiting);
        }
        Comparator<Waiting> longest = Comparator.comparingLong(Waiting::forMs).reversed()
                .thenComparing(Waiting::thread);
        blocked.sort(longest);
        idle.sort(longest);
        long behind = m.eventCount() == 0 ? 0 : Math.max(0, nowMillis - m.end() / 1_000_000L);
        return new LiveState(nowMillis - startMillis, behind, running, List.copyOf(blocked), List.copyOf(idle),
                m.lastSample() != null);
    }

    /**
     * One line of {@code watch --json-lines}: {@code {"t": ms, "threads": {"running", "blocked", "idle"},
     * "blocked": [{"thread", "kind", "forMs", "on", "api"}, …], "behindMs": ms, "sampled": bool}}.
     */
    public String toJsonLine(int maxListed) {
        StringWriter text = new StringWriter();
        JsonWriter json = new JsonWriter(text);
        try {
            json.beginObject().name("t", t);
            json.name("threads").beginObject().name("running", running).name("blocked", blocked.size())
                    .name("idle", idle.size()).endObject();
            json.name("blocked").beginArray();
            for (Waiting w : blocked.subList(0, Math.min(maxListed, blocked.size()))) {
                json.beginObject().name("thread", w.thread()).name("kind", w.kind()).name("forMs", w.forMs())
                        .name("on", w.on()).name("api", w.api()).endObject();
            }
            json.endArray().name("behindMs", behindMs).name("sampled", sampled).endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
