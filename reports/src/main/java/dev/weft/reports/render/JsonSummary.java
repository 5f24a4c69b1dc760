package dev.weft.reports.render;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Concurrency;
import dev.weft.reports.analyse.Phase;
import dev.weft.reports.analyse.PhaseGroup;
import dev.weft.reports.analyse.ThreadBreakdown;
import dev.weft.reports.analyse.WaitTotal;
import dev.weft.reports.analyse.WakeEdges;
import dev.weft.reports.model.AgentStatus;
import dev.weft.reports.model.AliveAtExit;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitKinds;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable summary behind {@code reports.jar json}: a small, stable JSON document for CI
 * gates ({@code jq '.phases[0].running'}). The schema is documented in the command's help and in
 * docs/reports-cli.md, whose field list is generated from what this writes (CliDocsTest);
 * {@link #SCHEMA_VERSION} changes whenever a field is removed or changes meaning (adding fields does
 * not change it).
 *
 * <p>Durations are milliseconds with microsecond precision ({@code 12.345}); times inside the
 * recording are milliseconds from the recording start.
 */
public final class JsonSummary {

    /** The value of {@code schema}. */
    public static final String SCHEMA = "weft-summary";
    /** The value of {@code schemaVersion}. */
    public static final int SCHEMA_VERSION = 2;

    private final Analysis analysis;
    private final Model model;
    private final JsonWriter json;
    private final int top;

    private JsonSummary(Analysis analysis, JsonWriter json, int top) {
        this.analysis = analysis;
        this.model = analysis.model();
        this.json = json;
        this.top = top;
    }

    /**
     * Streams the summary to {@code out} (not closed) as UTF-8.
     *
     * @param top       keep only this many threads in {@code perThread}, those with the most workload
     *                  and waiting time; {@code 0} or less keeps every thread
     * @param generator what wrote it, e.g. {@code weft-reports 0.1.0}
     */
    public static void write(Analysis analysis, OutputStream out, int top, String generator) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        new JsonSummary(analysis, new JsonWriter(writer), top).write(generator);
        writer.write('\n');
        writer.flush();
    }

    /** Nanoseconds as milliseconds with microsecond precision. */
    private JsonWriter ms(String name, long nanos) throws IOException {
        return json.name(name).decimal(micros(nanos), 3);
    }

    private static long micros(long nanos) {
        return nanos >= 0 ? (nanos + 500) / 1000 : -((-nanos + 500) / 1000);
    }

    private void write(String generator) throws IOException {
        json.beginObject();
        json.name("schema", SCHEMA).name("schemaVersion", SCHEMA_VERSION).name("generator", generator);
        writeSource();
        writeRecording();
        json.name("threads").beginObject()
                .name("platform", analysis.platformThreads())
                .name("virtual", analysis.virtualThreads())
                .name("system", analysis.systemThreads())
                .endObject();
        Concurrency c = analysis.concurrency();
        json.name("concurrency").beginObject();
        level("inFlight", c.inFlight());
        level("running", c.running());
        json.endObject();
        writePhases();
        writePhaseGroups();
        writePerThread();
        writeWaitsByKind();
        writeWakeEdges();
        writeAliveAtExit();
        writeAgent();
        json.name("warnings").beginArray();
        for (String note : analysis.notes()) {
            json.value(note);
        }
        json.endArray();
        json.endObject();
    }

    private void writeSource() throws IOException {
        String file = model.source() == null || model.source().getFileName() == null ? null
                : model.source().getFileName().toString();
        json.name("source").beginObject()
                .name("file", file)
                .name("events", model.eventCount())
                .name("partial", model.partial())
                .endObject();
    }

    private void writeRecording() throws IOException {
        json.name("recording").beginObject()
                .name("start", instant(model.start()))
                .name("end", instant(model.end()))
                .name("startEpochMs", Math.floorDiv(model.start(), 1_000_000L));
        ms("durationMs", model.duration());
        json.endObject();
    }

    private static String instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)).toString();
    }

    private void level(String name, Concurrency.Level level) throws IOException {
        json.name(name).beginObject().name("peak", level.peak()).name("average", level.average()).endObject();
    }

    private void writePhases() throws IOException {
        json.name("phases").beginArray();
        for (Phase p : analysis.phases()) {
            json.beginObject().name("name", p.name()).name("method", p.method());
            ms("startMs", p.start() - model.start());
            ms("wallMs", p.wall());
            ms("inFlightMs", p.inFlightTime());
            ms("runningMs", p.runningTime());
            json.name("inFlight", p.inFlight()).name("inFlightPeak", p.inFlightPeak())
                    .name("running", p.running()).name("runningPeak", p.runningPeak()).name("threads", p.threads());
            ms("blockedMs", p.blocked());
            json.name("blockedShare", p.blockedShare());
            ms("idleMs", p.idle());
            json.name("blockedByKind").beginObject();
            for (Map.Entry<String, Long> e : p.blockedByKind().entrySet()) {
                ms(e.getKey(), e.getValue());
            }
            json.endObject().endObject();
        }
        json.endArray();
    }

    private void writePhaseGroups() throws IOException {
        json.name("phaseGroups").beginArray();
        for (PhaseGroup g : analysis.phaseGroups()) {
            long[] spread = g.spread();
            json.beginObject().name("name", g.name()).name("method", g.method()).name("count", g.count());
            ms("wallMs", g.wall());
            ms("minMs", spread[0]);
            ms("medianMs", spread[1]);
            ms("maxMs", spread[2]);
            json.name("inFlight", g.inFlight()).name("inFlightPeak", g.inFlightPeak())
                    .name("running", g.running()).name("runningPeak", g.runningPeak());
            ms("blockedMs", g.blocked());
            json.name("blockedShare", g.blockedShare());
            ms("idleMs", g.idle());
            json.endObject();
        }
        json.endArray();
    }

    private void writePerThread() throws IOException {
        List<ThreadInfo> threads = model.threads();
        List<Integer> shown = new ArrayList<>(threads.size());
        for (int i = 0; i < threads.size(); i++) {
            shown.add(i);
        }
        if (top > 0 && top < threads.size()) {
            // the busiest first: what a CI gate or a reader looks for
            shown.sort(Comparator.comparingLong((Integer i) -> {
                ThreadBreakdown b = analysis.breakdown(i);
                return -(b.workload() + b.waiting() + b.idle());
            }).thenComparingInt(i -> i));
            shown = shown.subList(0, top);
        }
        json.name("perThreadTotal", threads.size());
        json.name("perThread").beginArray();
        List<String> kinds = analysis.kinds();
        for (int i : shown) {
            ThreadInfo t = threads.get(i);
            ThreadBreakdown b = analysis.breakdown(i);
            json.beginObject().name("name", t.displayName()).name("id", t.id()).name("virtual", t.isVirtual());
            json.name("daemon");
            if (t.isDaemonKnown()) {
                json.value(t.isDaemon());
            } else {
                json.nullValue();
            }
            json.name("system", t.isSystem()).name("aliveAtExit", t.aliveAtExit());
            ms("startMs", t.start() - model.start());
            ms("endMs", t.end() - model.start());
            ms("runningMs", b.workload());
            ms("blockedMs", b.waiting());
            json.name("blockedByKindMs").beginObject();
            for (int k = 0; k < kinds.size(); k++) {
                if (b.waiting(k) > 0 && !WaitKinds.isIdle(kinds.get(k))) {
                    ms(kinds.get(k), b.waiting(k));
                }
            }
            json.endObject();
            ms("idleMs", b.idle());
            ms("otherMs", b.other());
            ms("pinnedMs", t.pins().total());
            ms("totalMs", b.lifetime());
            json.endObject();
        }
        json.endArray();
    }

    private void writeWaitsByKind() throws IOException {
        long idleCount = 0;
        for (WaitTotal w : analysis.waitTotals()) {
            if (WaitKinds.isIdle(w.kind())) {
                idleCount += w.count();
            }
        }
        json.name("idle").beginObject().name("count", idleCount);
        ms("timeMs", analysis.idleTotal());
        json.endObject();
        json.name("waitsByKind").beginObject();
        for (WaitTotal w : analysis.blockedTotals()) {
            if (w.count() == 0) {
                continue; // a kind seen only on JDK-internal threads
            }
            json.name(w.kind()).beginObject().name("count", w.count());
            ms("timeMs", w.time());
            json.endObject();
        }
        json.endObject();
    }

    private void writeWakeEdges() throws IOException {
        WakeEdges edges = analysis.wakeEdges();
        json.name("wakeEdges").beginObject()
                .name("count", edges.size())
                .name("matchedWaits", edges.matchedWaits())
                .name("eligibleWaits", edges.eligibleWaits())
                .name("matchedShare", edges.eligibleWaits() == 0 ? 0.0
                        : (double) edges.matchedWaits() / edges.eligibleWaits())
                .name("wakesRecorded", model.wakeCount())
                .endObject();
    }

    private void writeAliveAtExit() throws IOException {
        json.name("aliveAtExit").beginArray();
        for (AliveAtExit a : model.aliveAtExit()) {
            json.beginObject().name("name", a.name()).name("id", a.threadId()).name("virtual", a.virtual())
                    .name("daemon", a.daemon()).name("state", a.state()).name("activity", a.activity())
                    .endObject();
        }
        json.endArray();
    }

    private void writeAgent() throws IOException {
        AgentStatus s = model.agentStatus();
        json.name("agent").beginObject().name("present", model.hasAgentData());
        json.name("version", s == null ? null : s.version())
                .name("options", s == null ? null : s.options())
                .name("workloadFilter", s == null ? null : s.workloadFilter());
        if (s == null) {
            json.name("healthy").nullValue().name("instrumentedTypes").nullValue().name("transformErrors").nullValue()
                    .name("failedTypes").nullValue().name("suppressedErrors").nullValue()
                    .name("firstSuppressed").nullValue().name("startupMs").nullValue();
        } else {
            json.name("healthy", s.healthy()).name("instrumentedTypes", s.instrumentedTypes())
                    .name("transformErrors", s.transformErrors()).name("failedTypes", s.failedTypes())
                    .name("suppressedErrors", s.suppressedErrors()).name("firstSuppressed", s.firstSuppressed())
                    .name("startupMs", s.startupMillis());
        }
        json.endObject();
    }
}
