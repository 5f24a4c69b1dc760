package dev.weft.reports.render;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.analyse.Concurrency;
import dev.weft.reports.analyse.CriticalPath;
import dev.weft.reports.analyse.Phase;
import dev.weft.reports.analyse.PhaseGroup;
import dev.weft.reports.analyse.ThreadBreakdown;
import dev.weft.reports.analyse.WaitTotal;
import dev.weft.reports.analyse.WakeEdges;
import dev.weft.reports.model.AgentStatus;
import dev.weft.reports.model.AliveAtExit;
import dev.weft.reports.model.Model;
import dev.weft.reports.model.Pins;
import dev.weft.reports.model.StringTable;
import dev.weft.reports.model.ThreadInfo;
import dev.weft.reports.model.WaitKinds;
import dev.weft.reports.model.WaitSpans;
import dev.weft.reports.model.WorkloadSpans;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the report data as the compact JSON the timeline template reads. The format (version 5; lanes and
 * phases are rows of values, in the order given, not objects):
 *
 * <pre>
 * format, version, generator, source, generated, startEpochMs, durationUs, partial, notes[],
 * agentData, agent{version, options, workloadFilter, instrumentedTypes, transformErrors, failedTypes,
 *                  suppressedErrors, firstSuppressed, startupMs} | null,
 * dataLoss{reported, bytes}   JFR's own jdk.DataLoss events (events dropped under contention)
 * counts{events, threads, platform, virtual, system, workloadSpans, waitSpans, wakes, mergedWaits,
 *        wakeEdges, matchedWaits, eligibleWaits},
 * kinds[]        kind names; 0 is "workload", the others are wait kinds
 * kindInfo[]     per kind: {color, idle, api, meaning}, from the one list of kinds (WaitKinds)
 * allKinds[]     that whole list, {name, color, idle, api, meaning}: the viewer's help lists it
 * threads[]      per lane, a row: id, name, flags, parent (thread index or -1), start, end (µs), work (running),
 *                 idle, other (µs), wait [kind, µs, kind, µs …] (blocked by kind, idle's kind included), pins
 *                 pins: flat [start µs, duration µs, stack (string), reason (string), …] where the
 *                 virtual thread was pinned to its carrier
 *                 flags: 1 virtual, 2 daemon, 4 daemon known, 8 start seen, 16 end seen,
 *                        32 alive at exit, 64 JDK-internal, 128 phase thread
 * segs[]         per thread, flat [start delta µs, duration µs, desc, …] in start order; the first
 *                delta is from the recording start, each next one from the previous start
 * descs[]        flat, 8 per description: kind, label (string), blocker class (string), blocker id,
 *                target (thread index), timed (0/1), stack (string: top frames, one a line), detail
 *                (string: the address, file or process waited for); -1 when absent
 * strings[]      the strings descs, pins and phases refer to
 * hows[]         how a waker acted: unpark, notify, thread end …
 * wakes[]        per woken thread, flat [segment delta, waker (thread index), time delta µs, how, …] by
 *                segment: the segment index (into the thread's segs) counts from the previous one (the
 *                first from 0); the time is the waker's action minus the end of the wait
 * critical[]     the critical path in time order, flat [thread, start µs, duration µs, type, link, …];
 *                type 0 run, 1 wait with no one to blame; link how the path came into this thread from
 *                the step before: 0 none, 1 woken by it, 2 started by it
 * phaseThread, phases[]   per phase, a row: name (string), method (string), group (index into phaseGroups),
 *                start, end, wall, inFlight, inFlightTime, inFlightPeak, running, runningTime, runningPeak,
 *                blocked, blockedShare, idle, threadTime, threads, [kind, µs, …] (blocked by kind)
 * phaseGroups[]{name, method, count, start, wall, min, median, max, inFlight, inFlightPeak, running,
 *               runningPeak, blocked, blockedShare, idle}   the phases of one method, in time order
 * concurrency{peak, peakAt, average, busy, anyBusy (running), inFlight{peak, peakAt, average}},
 * waits[]{kind, count, time, idle},
 * alive[]{thread, id, name, virtual, daemon, state, activity, time}
 * </pre>
 * All times are microseconds from the recording start.
 */
final class DataWriter {

    static final int VIRTUAL = 1;
    static final int DAEMON = 2;
    static final int DAEMON_KNOWN = 4;
    static final int START_SEEN = 8;
    static final int END_SEEN = 16;
    static final int ALIVE_AT_EXIT = 32;
    static final int SYSTEM = 64;
    static final int PHASE_THREAD = 128;

    private final Analysis analysis;
    private final Model model;
    private final JsonWriter json;
    private final long origin;
    private final StringTable out = new StringTable();
    /** The page's id of each model string id, plus one (0: not asked yet): spares a hash lookup per span field. */
    private final int[] outIds;
    private final DescTable descs = new DescTable();
    private final int[] desc = new int[DescTable.WIDTH];
    /** Per thread, the segment index of each of its waits (segments interleave workloads and waits). */
    private int[][] waitSeg;

    private DataWriter(Analysis analysis, JsonWriter json) {
        this.analysis = analysis;
        this.model = analysis.model();
        this.json = json;
        this.origin = model.start();
        this.outIds = new int[model.strings().size()];
    }

    static void write(Analysis analysis, JsonWriter json, String generator) throws IOException {
        new DataWriter(analysis, json).write(generator);
    }

    private long us(long epochNanos) {
        return micros(epochNanos - origin);
    }

    private static long micros(long nanos) {
        return nanos >= 0 ? (nanos + 500) / 1000 : -((-nanos + 500) / 1000);
    }

    private void write(String generator) throws IOException {
        json.beginObject();
        json.name("format", "weft-report").name("version", 5).name("generator", generator);
        json.name("source", model.source() == null || model.source().getFileName() == null ? null
                : model.source().getFileName().toString());
        json.name("generated", Format.utcMillis(System.currentTimeMillis()));
        json.name("startEpochMs", origin / 1_000_000L);
        json.name("durationUs", micros(model.duration()));
        json.name("partial", model.partial());
        json.name("notes").beginArray();
        for (String note : analysis.notes()) {
            json.value(note);
        }
        json.endArray();
        json.name("agentData", model.hasAgentData());
        writeAgent();
        json.name("dataLoss").beginObject().name("reported", model.dataLossReported())
                .name("bytes", model.dataLossBytes()).endObject();
        writeCounts();
        json.name("kinds").beginArray().value("workload");
        for (String kind : analysis.kinds()) {
            json.value(kind);
        }
        json.endArray();
        json.name("kindInfo").beginArray();
        kindInfo(WaitKinds.WORKLOAD);
        for (String kind : analysis.kinds()) {
            kindInfo(kind);
        }
        json.endArray();
        json.name("allKinds").beginArray();
        for (WaitKinds.Kind k : WaitKinds.all()) {
            json.beginObject().name("name", k.name()).name("color", k.color()).name("idle", k.idle())
                    .name("api", k.api()).name("meaning", k.meaning()).endObject();
        }
        json.endArray();
        writeThreads();
        writeSegments();
        json.name("descs").beginArray();
        descs.write(json);
        json.endArray();
        int[] phaseText = phaseText(); // the strings are written before the phases that name them
        json.name("strings").beginArray();
        for (int i = 0; i < out.size(); i++) {
            json.value(out.get(i));
        }
        json.endArray();
        writeWakes();
        writeCriticalPath();
        json.name("phaseThread", analysis.phaseThreadIndex());
        writePhases(phaseText);
        Concurrency.Level running = analysis.concurrency().running();
        Concurrency.Level inFlight = analysis.concurrency().inFlight();
        json.name("concurrency").beginObject()
                .name("peak", running.peak())
                .name("peakAt", running.peak() == 0 ? 0 : us(running.peakAt()))
                .name("average", running.average())
                .name("busy", micros(running.time()))
                .name("anyBusy", micros(running.anyTime()))
                .name("inFlight").beginObject().name("peak", inFlight.peak())
                .name("peakAt", inFlight.peak() == 0 ? 0 : us(inFlight.peakAt())).name("average", inFlight.average())
                .endObject()
                .endObject();
        json.name("waits").beginArray();
        for (WaitTotal w : analysis.waitTotals()) {
            json.beginObject().name("kind", w.kind()).name("count", w.count()).name("time", micros(w.time()))
                    .name("idle", WaitKinds.isIdle(w.kind())).endObject();
        }
        json.endArray();
        json.name("alive").beginArray();
        for (AliveAtExit a : model.aliveAtExit()) {
            json.beginObject().name("thread", model.indexOf(a.threadId())).name("id", a.threadId())
                    .name("name", a.name()).name("virtual", a.virtual()).name("daemon", a.daemon())
                    .name("state", a.state()).name("activity", a.activity()).name("time", us(a.time()))
                    .endObject();
        }
        json.endArray();
        json.endObject();
    }

    private void kindInfo(String kind) throws IOException {
        WaitKinds.Kind k = WaitKinds.of(kind);
        json.beginObject().name("color", kind.equals(WaitKinds.WORKLOAD) ? WORKLOAD_COLOR : WaitKinds.color(kind))
                .name("idle", WaitKinds.isIdle(kind))
                .name("api", k == null ? null : k.api()).name("meaning", k == null ? null : k.meaning()).endObject();
    }

    /** The workload's colour: the one strong colour of the timeline. */
    static final String WORKLOAD_COLOR = "#4652d0";

    private void writeAgent() throws IOException {
        AgentStatus s = model.agentStatus();
        json.name("agent");
        if (s == null) {
            json.nullValue();
            return;
        }
        json.beginObject().name("version", s.version()).name("options", s.options())
                .name("workloadFilter", s.workloadFilter()).name("instrumentedTypes", s.instrumentedTypes())
                .name("transformErrors", s.transformErrors()).name("failedTypes", s.failedTypes())
                .name("suppressedErrors", s.suppressedErrors()).name("firstSuppressed", s.firstSuppressed())
                .name("startupMs", s.startupMillis()).endObject();
    }

    private void writeCounts() throws IOException {
        json.name("counts").beginObject()
                .name("events", model.eventCount())
                .name("threads", model.threads().size())
                .name("platform", analysis.platformThreads())
                .name("virtual", analysis.virtualThreads())
                .name("system", analysis.systemThreads())
                .name("workloadSpans", model.workloadSpanCount())
                .name("waitSpans", model.waitSpanCount())
                .name("wakes", model.wakeCount())
                .name("mergedWaits", model.mergedWaits())
                .name("wakeEdges", analysis.wakeEdges().size())
                .name("matchedWaits", analysis.wakeEdges().matchedWaits())
                .name("eligibleWaits", analysis.wakeEdges().eligibleWaits())
                .endObject();
    }

    /**
     * One row a lane, its fields by position, not by name: a program of 100,000 virtual threads has as many
     * rows, and the field names made up half of the page. In the order the viewer reads them
     * ({@code data/model.js}, {@code live/data.js}): id, name, flags, parent (lane or -1), start, end, running,
     * idle and other time (µs), then [kind, time, …] of its waits and [start, length, stack, reason, …] of its pins.
     */
    private void writeThreads() throws IOException {
        List<ThreadInfo> threads = model.threads();
        json.name("threads").beginArray();
        for (int i = 0; i < threads.size(); i++) {
            ThreadInfo t = threads.get(i);
            int flags = (t.isVirtual() ? VIRTUAL : 0) | (t.isDaemon() ? DAEMON : 0)
                    | (t.isDaemonKnown() ? DAEMON_KNOWN : 0) | (t.startSeen() ? START_SEEN : 0)
                    | (t.endSeen() ? END_SEEN : 0) | (t.aliveAtExit() ? ALIVE_AT_EXIT : 0)
                    | (t.isSystem() ? SYSTEM : 0) | (i == analysis.phaseThreadIndex() ? PHASE_THREAD : 0);
            ThreadBreakdown b = analysis.breakdown(i);
            long start = us(t.start());
            long end = Math.max(start, us(t.end()));
            json.beginArray().value(t.id()).value(t.displayName()).value(flags)
                    .value(t.parentId() < 0 ? -1 : model.indexOf(t.parentId()))
                    .value(start).value(end)
                    .value(micros(b.workload())).value(micros(b.idle())).value(micros(b.other()));
            json.beginArray();
            for (int k = 0; k < analysis.kinds().size(); k++) {
                long w = b.waiting(k);
                if (w > 0) {
                    json.value(k + 1).value(micros(w));
                }
            }
            json.endArray();
            Pins pins = t.pins();
            json.beginArray();
            for (int p = 0; p < pins.size(); p++) {
                long ps = us(pins.start(p));
                json.value(ps).value(Math.max(0, us(pins.end(p)) - ps)).value(outId(pins.stack(p)))
                        .value(outId(pins.reason(p)));
            }
            json.endArray().endArray();
        }
        json.endArray();
    }

    private void writeSegments() throws IOException {
        StringTable strings = model.strings();
        Map<String, Integer> kindIndex = new HashMap<>();
        for (int k = 0; k < analysis.kinds().size(); k++) {
            kindIndex.put(analysis.kinds().get(k), k + 1);
        }
        int[] kindOf = new int[strings.size()];
        for (int id = 0; id < strings.size(); id++) {
            kindOf[id] = kindIndex.getOrDefault(strings.get(id), -1);
        }
        json.name("segs").beginArray();
        List<ThreadInfo> threads = model.threads();
        waitSeg = new int[threads.size()][];
        for (int ti = 0; ti < threads.size(); ti++) {
            ThreadInfo t = threads.get(ti);
            json.beginArray();
            int[] segOfWait = new int[t.waits().size()];
            waitSeg[ti] = segOfWait;
            int seg = 0;
            WorkloadSpans w = t.workloads();
            WaitSpans ws = t.waits();
            int i = 0;
            int j = 0;
            long previous = 0;
            while (i < w.size() || j < ws.size()) {
                boolean workload = j >= ws.size() || (i < w.size() && w.start(i) <= ws.start(j));
                long start;
                long end;
                int desc;
                if (workload) {
                    start = us(w.start(i));
                    end = us(w.end(i));
                    desc = desc(0, outId(w.method(i)), -1, 0, -1, 0, outId(w.stack(i)),
                            -1);
                    i++;
                } else {
                    start = us(ws.start(j));
                    end = us(ws.end(j));
                    long target = ws.target(j);
                    desc = desc(kindOf[ws.kind(j)], outId(ws.api(j)),
                            outId(ws.blockerClass(j)), ws.blockerId(j),
                            target < 0 ? -1 : model.indexOf(target), (ws.flags(j) & WaitSpans.TIMED) != 0 ? 1 : 0,
                            outId(ws.stack(j)), outId(ws.detail(j)));
                    segOfWait[j] = seg;
                    j++;
                }
                json.value(start - previous).value(Math.max(0, end - start)).value(desc);
                previous = start;
                seg++;
            }
            json.endArray();
        }
        json.endArray();
    }

    private void writeWakes() throws IOException {
        WakeEdges edges = analysis.wakeEdges();
        List<ThreadInfo> threads = model.threads();
        StringTable hows = new StringTable();
        json.name("wakes").beginArray();
        int e = 0;
        for (int ti = 0; ti < threads.size(); ti++) {
            json.beginArray();
            int previous = 0;
            WaitSpans waits = threads.get(ti).waits();
            // edges are ordered by woken thread, then wait: each thread's run is contiguous
            for (; e < edges.size() && edges.woken(e) == ti; e++) {
                int w = edges.waitSpan(e);
                int seg = waitSeg[ti][w];
                json.value(seg - previous).value(edges.waker(e)).value(micros(edges.time(e) - waits.end(w)))
                        .value(hows.id(edges.how(e)));
                previous = seg;
            }
            json.endArray();
        }
        json.endArray();
        json.name("hows").beginArray();
        for (int i = 0; i < hows.size(); i++) {
            json.value(hows.get(i));
        }
        json.endArray();
    }

    private void writeCriticalPath() throws IOException {
        json.name("critical").beginArray();
        for (CriticalPath.Step s : analysis.criticalPath().steps()) {
            long start = us(s.start());
            json.value(s.thread()).value(start).value(Math.max(0, us(s.end()) - start))
                    .value(s.type() == CriticalPath.Type.WAIT ? 1 : 0)
                    .value(switch (s.link()) {
                        case NONE -> 0;
                        case WAKE -> 1;
                        case START -> 2;
                    });
        }
        json.endArray();
    }

    /** The page's string id of model string {@code id}: the page's table holds only the strings it uses. */
    private int outId(int id) {
        if (id < 0) {
            return StringTable.NONE;
        }
        int o = outIds[id];
        if (o == 0) {
            o = out.id(model.strings().get(id)) + 1;
            outIds[id] = o;
        }
        return o - 1;
    }

    private int desc(int kind, int label, int blockerClass, int blockerId, int target, int timed, int stack,
                     int detail) {
        desc[0] = kind;
        desc[1] = label;
        desc[2] = blockerClass;
        desc[3] = blockerId;
        desc[4] = target;
        desc[5] = timed;
        desc[6] = stack;
        desc[7] = detail;
        return descs.id(desc);
    }

    /** Each phase's name and method, as ids into the page's strings: two a phase. */
    private int[] phaseText() {
        List<Phase> phases = analysis.phases();
        int[] ids = new int[2 * phases.size()];
        for (int i = 0; i < phases.size(); i++) {
            ids[2 * i] = out.id(phases.get(i).name());
            ids[2 * i + 1] = out.id(phases.get(i).method());
        }
        return ids;
    }

    /**
     * A phase a row, by position, as a lane is: a program with a phase per task has as many phases as
     * threads, and eighteen field names a phase made up most of such a page. In the order the viewer reads
     * them ({@code data/model.js}).
     */
    private void writePhases(int[] text) throws IOException {
        json.name("phases").beginArray();
        List<PhaseGroup> groups = analysis.phaseGroups();
        Map<String, Integer> kindIndex = new HashMap<>();
        for (int k = 0; k < analysis.kinds().size(); k++) {
            kindIndex.put(analysis.kinds().get(k), k + 1);
        }
        List<Phase> phases = analysis.phases();
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            json.beginArray().value(text[2 * i]).value(text[2 * i + 1]).value(analysis.phaseGroupOf(i))
                    .value(us(p.start())).value(us(p.end())).value(micros(p.wall()))
                    .value(p.inFlight()).value(micros(p.inFlightTime())).value(p.inFlightPeak())
                    .value(p.running()).value(micros(p.runningTime())).value(p.runningPeak())
                    .value(micros(p.blocked())).value(p.blockedShare()).value(micros(p.idle()))
                    .value(micros(p.threadTime())).value(p.threads());
            json.beginArray();
            for (Map.Entry<String, Long> e : p.blockedByKind().entrySet()) {
                json.value(kindIndex.getOrDefault(e.getKey(), -1)).value(micros(e.getValue()));
            }
            json.endArray().endArray();
        }
        json.endArray();
        json.name("phaseGroups").beginArray();
        for (PhaseGroup g : groups) {
            long[] spread = g.spread();
            json.beginObject().name("name", g.name()).name("method", g.method()).name("count", g.count())
                    .name("start", us(g.start())).name("wall", micros(g.wall())).name("min", micros(spread[0]))
                    .name("median", micros(spread[1])).name("max", micros(spread[2]))
                    .name("inFlight", g.inFlight()).name("inFlightPeak", g.inFlightPeak())
                    .name("running", g.running()).name("runningPeak", g.runningPeak())
                    .name("blocked", micros(g.blocked())).name("blockedShare", g.blockedShare())
                    .name("idle", micros(g.idle())).endObject();
        }
        json.endArray();
    }
}
