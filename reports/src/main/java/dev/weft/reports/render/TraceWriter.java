package dev.weft.reports.render;

import dev.weft.reports.analyse.Analyser;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.WakeEdges;
import dev.weft.reports.model.AliveAtExit;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.StringTable;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.model.WorkloadSpans;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a recording as Chrome / Perfetto trace-event JSON ({@code {"traceEvents": [...]}}, the
 * "Trace Event Format"), streamed event by event so the output never sits in memory:
 *
 * <ul>
 * <li>{@code M} events name the process and each thread and keep the timeline's lane order;</li>
 * <li>{@code X} (complete) events for workload spans (cat {@code workload}, name the method) and wait
 *     spans (cat the wait kind, name kind and API, args with the blocker, the target thread and who
 *     ended the wait);</li>
 * <li>{@code i} (instant, thread-scoped) events for thread start, thread end and alive at exit;</li>
 * <li>for every wake edge a flow {@code s} → {@code f} from the waker to the woken thread. Flow events
 *     bind to a slice — Chrome by equal ts, tid and cat, Perfetto to the slice open on the thread — so
 *     each end has a zero-length anchor slice of cat {@code wake} right before it: {@code wake → T} on
 *     the waker when it acted, {@code woken by W} on the woken thread when its wait ended.</li>
 * </ul>
 * Timestamps are microseconds (with nanosecond decimals) from the recording start; tid is the Java
 * thread id, pid is {@value #PID}.
 */
public final class TraceWriter {

    /** The process id of every event: a recording is one JVM. */
    public static final int PID = 1;

    private final Analysis analysis;
    private final Model model;
    private final JsonWriter json;
    private final long origin;
    private final boolean[] shown;
    private final WakeEdges edges;
    /** Edge indices grouped by waker: {@code byWaker[wakerFirst[t] .. wakerFirst[t + 1])}. */
    private final int[] wakerFirst;
    private final int[] byWaker;
    private long events;

    private TraceWriter(Analysis analysis, JsonWriter json, boolean allThreads) {
        this.analysis = analysis;
        this.model = analysis.model();
        this.json = json;
        this.origin = model.start();
        List<ThreadInfo> threads = model.threads();
        this.shown = new boolean[threads.size()];
        for (int i = 0; i < threads.size(); i++) {
            shown[i] = allThreads || !threads.get(i).isSystem();
        }
        this.edges = analysis.wakeEdges();
        // counting sort of the edges by waker (they come ordered by woken thread)
        this.wakerFirst = new int[threads.size() + 1];
        for (int e = 0; e < edges.size(); e++) {
            wakerFirst[edges.waker(e) + 1]++;
        }
        for (int t = 0; t < threads.size(); t++) {
            wakerFirst[t + 1] += wakerFirst[t];
        }
        this.byWaker = new int[edges.size()];
        int[] next = Arrays.copyOf(wakerFirst, threads.size());
        for (int e = 0; e < edges.size(); e++) {
            byWaker[next[edges.waker(e)]++] = e;
        }
    }

    /**
     * Streams the trace to {@code out} (not closed) as UTF-8 and returns the number of trace events.
     *
     * @param allThreads also the JDK's and the tools' own threads (by default only application threads)
     */
    public static long write(Analysis analysis, OutputStream out, boolean allThreads, String generator)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        TraceWriter w = new TraceWriter(analysis, new JsonWriter(writer), allThreads);
        w.write(generator);
        writer.write('\n');
        writer.flush();
        return w.events;
    }

    private void write(String generator) throws IOException {
        List<ThreadInfo> threads = model.threads();
        json.beginObject();
        json.name("displayTimeUnit", "ms");
        int hidden = 0;
        for (boolean s : shown) {
            hidden += s ? 0 : 1;
        }
        String source = model.source() == null || model.source().getFileName() == null ? null
                : model.source().getFileName().toString();
        json.name("otherData").beginObject()
                .name("generator", generator)
                .name("source", source)
                .name("recordingStart", Instant.ofEpochSecond(Math.floorDiv(origin, 1_000_000_000L),
                        Math.floorMod(origin, 1_000_000_000L)).toString())
                .name("partial", model.partial())
                .name("threadsHidden", hidden)
                .endObject();
        json.name("traceEvents").beginArray();
        beginOn("M", 0).name("name", "process_name");
        json.name("args").beginObject().name("name", "weft" + (source == null ? "" : ": " + source)).endObject();
        json.endObject();
        for (int i = 0; i < threads.size(); i++) {
            if (shown[i]) {
                thread(i, threads.get(i));
            }
        }
        for (AliveAtExit a : model.aliveAtExit()) {
            int i = model.indexOf(a.threadId());
            if (i >= 0 && shown[i]) {
                instant(i, a.time(), "alive at exit", "thread");
                json.name("args").beginObject().name("state", a.state()).name("activity", a.activity())
                        .endObject();
                json.endObject();
            }
        }
        json.endArray();
        json.endObject();
    }

    private void thread(int index, ThreadInfo t) throws IOException {
        begin("M", index).name("name", "thread_name");
        json.name("args").beginObject().name("name", t.displayName()).endObject().endObject();
        begin("M", index).name("name", "thread_sort_index");
        json.name("args").beginObject().name("sort_index", index).endObject().endObject();
        if (t.startSeen()) {
            instant(index, t.start(), "thread start", "thread");
            json.name("args").beginObject().name("virtual", t.isVirtual());
            if (t.isDaemonKnown()) {
                json.name("daemon", t.isDaemon());
            }
            int parent = t.parentId() < 0 ? -1 : model.indexOf(t.parentId());
            json.name("parent", parent < 0 ? null : model.threads().get(parent).displayName());
            json.endObject().endObject();
        }
        spans(index, t);
        for (int k = wakerFirst[index]; k < wakerFirst[index + 1]; k++) {
            int e = byWaker[k];
            if (shown[edges.woken(e)]) {
                wakeOut(index, e);
            }
        }
        if (t.endSeen()) {
            instant(index, t.end(), "thread end", "thread").endObject();
        }
    }

    /** Workload and wait spans in start order (an enclosing span before the ones inside it). */
    private void spans(int index, ThreadInfo t) throws IOException {
        StringTable strings = model.strings();
        WorkloadSpans w = t.workloads();
        WaitSpans ws = t.waits();
        int i = 0;
        int j = 0;
        while (i < w.size() || j < ws.size()) {
            boolean workload = j >= ws.size() || (i < w.size() && w.start(i) <= ws.start(j));
            if (workload) {
                String method = strings.get(w.method(i));
                complete(index, w.start(i), w.end(i), method == null ? "workload" : Analyser.friendlyName(method, i),
                        "workload");
                json.name("args").beginObject().name("method", method).endObject().endObject();
                i++;
            } else {
                wait(index, ws, j);
                j++;
            }
        }
    }

    private void wait(int index, WaitSpans ws, int j) throws IOException {
        StringTable strings = model.strings();
        String kind = strings.get(ws.kind(j));
        String api = strings.get(ws.api(j));
        complete(index, ws.start(j), ws.end(j), api == null ? kind : kind + " " + shortApi(api), kind);
        json.name("args").beginObject().name("kind", kind).name("api", api);
        String blocker = strings.get(ws.blockerClass(j));
        if (blocker != null) {
            json.name("blocker", blocker);
        }
        if (ws.blockerId(j) != 0) {
            json.name("blockerId", ws.blockerId(j));
        }
        if (ws.target(j) >= 0) {
            int target = model.indexOf(ws.target(j));
            json.name("target", target < 0 ? "thread#" + ws.target(j) : model.threads().get(target).displayName());
        }
        json.name("timed", (ws.flags(j) & WaitSpans.TIMED) != 0);
        json.name("source", (ws.flags(j) & WaitSpans.BUILT_IN) != 0 ? "jvm" : "agent");
        int e = edges.find(index, j);
        if (e >= 0) {
            json.name("wokenBy", model.threads().get(edges.waker(e)).displayName()).name("how", edges.how(e));
        }
        json.endObject().endObject();
        if (e >= 0 && shown[edges.waker(e)]) {
            wakeIn(index, e, ws.end(j));
        }
    }

    /** The waker's anchor and the flow's start. */
    private void wakeOut(int index, int e) throws IOException {
        long time = edges.time(e);
        String woken = model.threads().get(edges.woken(e)).displayName();
        complete(index, time, time, "wake \u2192 " + woken, "wake");
        json.name("args").beginObject().name("woken", woken).name("how", edges.how(e)).endObject().endObject();
        flow("s", index, time, e).endObject();
    }

    /** The woken thread's anchor, where its wait ended, and the flow's end. */
    private void wakeIn(int index, int e, long waitEnd) throws IOException {
        long time = Math.max(waitEnd, edges.time(e));
        String waker = model.threads().get(edges.waker(e)).displayName();
        complete(index, time, time, "woken by " + waker, "wake");
        json.name("args").beginObject().name("waker", waker).name("how", edges.how(e)).endObject().endObject();
        flow("f", index, time, e).name("bp", "e").endObject();
    }

    private JsonWriter flow(String phase, int index, long time, int e) throws IOException {
        begin(phase, index);
        ts("ts", time);
        return json.name("name", "wake").name("cat", "wake").name("id", e);
    }

    /** {@code java.util.concurrent.CountDownLatch.await} → {@code CountDownLatch.await}. */
    static String shortApi(String api) {
        int last = api.lastIndexOf('.');
        if (last <= 0) {
            return api;
        }
        int previous = api.lastIndexOf('.', last - 1);
        return previous < 0 ? api : api.substring(previous + 1);
    }

    /** Opens an event of thread {@code index} (an index into the model's threads). */
    private JsonWriter begin(String phase, int index) throws IOException {
        return beginOn(phase, model.threads().get(index).id());
    }

    private JsonWriter beginOn(String phase, long tid) throws IOException {
        events++;
        return json.beginObject().name("ph", phase).name("pid", PID).name("tid", tid);
    }

    private JsonWriter complete(int index, long start, long end, String name, String cat) throws IOException {
        begin("X", index);
        ts("ts", start);
        json.name("dur").decimal(Math.max(0, end - start), 3);
        return json.name("name", name).name("cat", cat);
    }

    private JsonWriter instant(int index, long time, String name, String cat) throws IOException {
        begin("i", index).name("s", "t");
        ts("ts", time);
        return json.name("name", name).name("cat", cat);
    }

    private void ts(String field, long epochNanos) throws IOException {
        json.name(field).decimal(epochNanos - origin, 3);
    }
}
