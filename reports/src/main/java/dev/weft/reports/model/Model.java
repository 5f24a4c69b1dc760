package dev.weft.reports.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One recording, read: its time range, its threads (the main thread first, then by start time)
 * and what the Weft agent added. Immutable once built.
 */
public final class Model {

    private final Path source;
    private final long start;
    private final long end;
    private final List<ThreadInfo> threads;
    private final StringTable strings;
    private final AgentStatus agentStatus;
    private final List<AliveAtExit> aliveAtExit;
    private final Set<String> eventTypes;
    private final List<String> warnings;
    private final String partialReason;
    private final long eventCount;
    private final long mergedWaits;
    private final long dataLoss;
    private final Sample sample;
    private final RecordingLimits limits;
    private final LongIntMap index;
    private final long workloadSpans;
    private final long waitSpans;
    private final long wakes;

    /**
     * The agent's last wait sample ({@code weft.WaitSample}): who was blocked at {@code time}.
     *
     * @param time       when it was taken, epoch nanoseconds
     * @param inProgress waits in progress then
     * @param listed     how many of them the sample listed (the longest-blocked)
     * @param open       how many became {@link WaitSpans#OPEN} spans: still in progress at the end
     */
    public record Sample(long time, int inProgress, int listed, long open) { }

    Model(Path source, long start, long end, List<ThreadInfo> threads, StringTable strings,
          AgentStatus agentStatus, List<AliveAtExit> aliveAtExit, Set<String> eventTypes,
          List<String> warnings, String partialReason, long eventCount, long mergedWaits, long dataLoss,
          Sample sample, RecordingLimits limits) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.threads = List.copyOf(threads);
        this.strings = strings;
        this.agentStatus = agentStatus;
        this.aliveAtExit = List.copyOf(aliveAtExit);
        this.eventTypes = Set.copyOf(eventTypes);
        this.warnings = List.copyOf(warnings);
        this.partialReason = partialReason;
        this.eventCount = eventCount;
        this.mergedWaits = mergedWaits;
        this.dataLoss = dataLoss;
        this.sample = sample;
        this.limits = limits;
        this.index = new LongIntMap();
        index.reserve(this.threads.size());
        long workloads = 0;
        long waits = 0;
        long wakes = 0;
        for (int i = 0; i < this.threads.size(); i++) {
            ThreadInfo t = this.threads.get(i);
            index.put(t.id(), i);
            workloads += t.workloads().size();
            waits += t.waits().size();
            wakes += t.wakes().size();
        }
        // counted once: with a thread per task, each pass over the threads is a pass over most of the heap
        this.workloadSpans = workloads;
        this.waitSpans = waits;
        this.wakes = wakes;
    }

    /** The file read, may be {@code null}. */
    public Path source() {
        return source;
    }

    /** Start of the recording, epoch nanoseconds (the earliest event). */
    public long start() {
        return start;
    }

    /** End of the recording, epoch nanoseconds (the latest event end). */
    public long end() {
        return end;
    }

    public long duration() {
        return end - start;
    }

    /** All Java threads seen, the main thread first, then by start time. */
    public List<ThreadInfo> threads() {
        return threads;
    }

    /** The position of the thread with this id in {@link #threads()}, or {@code -1}. */
    public int indexOf(long threadId) {
        return index.get(threadId);
    }

    public StringTable strings() {
        return strings;
    }

    /** What the agent reported about itself, {@code null} when it did not. */
    public AgentStatus agentStatus() {
        return agentStatus;
    }

    /** Threads the agent saw still running when the JVM began to shut down. */
    public List<AliveAtExit> aliveAtExit() {
        return aliveAtExit;
    }

    /** Names of the event types present in the recording. */
    public Set<String> eventTypes() {
        return eventTypes;
    }

    /** Whether any {@code weft.*} event was recorded. */
    public boolean hasAgentData() {
        for (String type : eventTypes) {
            if (type.startsWith("weft.")) {
                return true;
            }
        }
        return false;
    }

    /** Problems met while reading; the model holds what was readable. */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether reading stopped early: the model holds what could be read ({@link #partialReason}). */
    public boolean partial() {
        return partialReason != null;
    }

    /** Why reading stopped early (damage, a heap budget, an unclosed recording …); null when whole. */
    public String partialReason() {
        return partialReason;
    }

    public long eventCount() {
        return eventCount;
    }

    /** Built-in wait events dropped because an agent wait span (or another built-in) covered them. */
    public long mergedWaits() {
        return mergedWaits;
    }

    /**
     * Bytes of events JFR reported lost ({@code jdk.DataLoss}: buffers it could not copy out under
     * contention); {@code 0} when none was reported.
     */
    public long dataLossBytes() {
        return dataLoss;
    }

    /** The last wait sample of the recording, {@code null} when there is none (no agent, or an older one). */
    public Sample lastSample() {
        return sample;
    }

    /** The limits the agent's recording ran under, {@code null} when not recorded. */
    public RecordingLimits limits() {
        return limits;
    }

    /** Whether the recording holds {@code jdk.DataLoss} events at all. */
    public boolean dataLossReported() {
        return eventTypes.contains("jdk.DataLoss");
    }

    public long workloadSpanCount() {
        return workloadSpans;
    }

    public long waitSpanCount() {
        return waitSpans;
    }

    public long wakeCount() {
        return wakes;
    }
}
