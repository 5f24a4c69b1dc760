package dev.weft.reports.render;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Concurrency;
import dev.weft.reports.analyse.WaitTotal;
import dev.weft.reports.diff.Figures;
import dev.weft.reports.diff.LaneChange;
import dev.weft.reports.diff.PhasePair;
import dev.weft.reports.diff.RecordingDiff;
import dev.weft.reports.model.Model;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The figures of {@code reports.jar diff --json}, for CI gates ({@code jq '.phases[0].ratios.wall < 0.5'});
 * the HTML diff embeds the same object. Durations are milliseconds with microsecond precision; a
 * ratio is {@code after / before}, {@code null} when there is none (a side missing, or a zero before).
 * The figures are the analysis's, through {@link Figures}: work is thread time running (in workload,
 * not waiting), speed-up the average threads running, waiting is time blocked (idle apart).
 *
 * <pre>
 * schema "weft-diff", schemaVersion, generator,
 * before, after   {file, partial, durationMs, threads{platform, virtual}, inFlight{peak, average},
 *                  running{peak, average}, aliveAtExit, waitingByKind{kind: ms}, idleMs}
 * phases[]        {name, match (name | order | before-only | after-only),
 *                  before, after {name, wallMs, workMs, speedUp, inFlight, inFlightPeak, waitingMs, idleMs,
 *                                 waitingByKind{kind: ms}} | null,
 *                  ratios {wall, work, speedUp, inFlight, waiting, waitingByKind{kind: ratio}}}
 * threads[]       {name, group, changeMs, before, after {threads, runningMs, waitingMs, idleMs, otherMs,
 *                  waitingByKind{kind: ms}}}   the biggest change first
 * </pre>
 */
public final class DiffJson {

    /** The value of {@code schema}. */
    public static final String SCHEMA = "weft-diff";
    /** Changes only when a field is removed or changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    private final JsonWriter json;

    private DiffJson(JsonWriter json) {
        this.json = json;
    }

    /** Streams the diff to {@code out} (not closed) as UTF-8, one line. */
    public static void write(RecordingDiff diff, OutputStream out, String generator) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        write(diff, new JsonWriter(writer), generator);
        writer.write('\n');
        writer.flush();
    }

    /** Writes the diff as one JSON object: on its own, or as a value inside the HTML diff's data. */
    static void write(RecordingDiff diff, JsonWriter json, String generator) throws IOException {
        new DiffJson(json).write(diff, generator);
    }

    private void write(RecordingDiff diff, String generator) throws IOException {
        json.beginObject();
        json.name("schema", SCHEMA).name("schemaVersion", SCHEMA_VERSION).name("generator", generator);
        json.name("before");
        recording(diff.before());
        json.name("after");
        recording(diff.after());
        json.name("phases").beginArray();
        for (PhasePair p : diff.phases()) {
            phase(p);
        }
        json.endArray();
        json.name("threads").beginArray();
        for (LaneChange lane : diff.lanes()) {
            json.beginObject().name("name", lane.name()).name("group", lane.group());
            ms("changeMs", lane.change());
            json.name("before");
            lane(lane.before());
            json.name("after");
            lane(lane.after());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private void recording(Analysis a) throws IOException {
        Model m = a.model();
        String file = m.source() == null || m.source().getFileName() == null ? null : m.source().getFileName().toString();
        json.beginObject().name("file", file).name("partial", m.partial());
        ms("durationMs", m.duration());
        json.name("threads").beginObject().name("platform", a.platformThreads()).name("virtual", a.virtualThreads())
                .endObject();
        Concurrency c = a.concurrency();
        json.name("inFlight").beginObject().name("peak", c.inFlight().peak()).name("average", c.inFlight().average()).endObject();
        json.name("running").beginObject().name("peak", c.peak()).name("average", c.average()).endObject();
        json.name("aliveAtExit", m.aliveAtExit().size());
        json.name("waitingByKind").beginObject();
        for (WaitTotal w : a.blockedTotals()) {
            if (w.count() > 0) {
                ms(w.kind(), w.time());
            }
        }
        json.endObject();
        ms("idleMs", a.idleTotal());
        json.endObject();
    }

    private void phase(PhasePair p) throws IOException {
        Figures.OfPhase b = p.before();
        Figures.OfPhase a = p.after();
        json.beginObject().name("name", p.name()).name("match", p.match().word());
        json.name("before");
        phaseFigures(b);
        json.name("after");
        phaseFigures(a);
        json.name("ratios").beginObject();
        json.name("wall", b == null || a == null ? Double.NaN : PhasePair.ratio(b.wall(), a.wall()));
        json.name("work", b == null || a == null ? Double.NaN : PhasePair.ratio(b.work(), a.work()));
        json.name("speedUp", b == null || a == null ? Double.NaN : PhasePair.ratio(b.speedUp(), a.speedUp()));
        json.name("inFlight", b == null || a == null ? Double.NaN : PhasePair.ratio(b.inFlight(), a.inFlight()));
        json.name("waiting", b == null || a == null ? Double.NaN : PhasePair.ratio(b.waiting(), a.waiting()));
        json.name("waitingByKind").beginObject();
        if (b != null && a != null) {
            Set<String> kinds = new LinkedHashSet<>(b.waitingByKind().keySet());
            kinds.addAll(a.waitingByKind().keySet());
            for (String kind : kinds) {
                json.name(kind, PhasePair.ratio(b.waiting(kind), a.waiting(kind)));
            }
        }
        json.endObject().endObject().endObject();
    }

    private void phaseFigures(Figures.OfPhase f) throws IOException {
        if (f == null) {
            json.nullValue();
            return;
        }
        json.beginObject().name("name", f.name());
        ms("wallMs", f.wall());
        ms("workMs", f.work());
        json.name("speedUp", f.speedUp()).name("inFlight", f.inFlight()).name("inFlightPeak", f.peakInFlight());
        ms("waitingMs", f.waiting());
        ms("idleMs", f.idle());
        byKind(f.waitingByKind());
        json.endObject();
    }

    private void lane(Figures.OfLane f) throws IOException {
        json.beginObject().name("threads", f.threads());
        ms("runningMs", f.running());
        ms("waitingMs", f.waiting());
        ms("idleMs", f.idle());
        ms("otherMs", f.other());
        byKind(f.waitingByKind());
        json.endObject();
    }

    private void byKind(Map<String, Long> byKind) throws IOException {
        json.name("waitingByKind").beginObject();
        for (Map.Entry<String, Long> e : byKind.entrySet()) {
            ms(e.getKey(), e.getValue());
        }
        json.endObject();
    }

    /** Nanoseconds as milliseconds with microsecond precision. */
    private void ms(String name, long nanos) throws IOException {
        long micros = nanos >= 0 ? (nanos + 500) / 1000 : -((-nanos + 500) / 1000);
        json.name(name).decimal(micros, 3);
    }
}
