package dev.weft.reports.model;

import java.util.List;

/**
 * Merges a thread's waits from the JVM's own events into the agent's: the agent's span is the outermost
 * API call, and the JVM's park or monitor wait inside it is the same wait seen from below. What the
 * JVM's event knows that the agent's does not (who notified, where, on what) moves to the agent's span.
 */
final class BuiltInMerge {

    private final StringTable strings;
    /** The agent's own files ({@code weft.AgentStatus}): its reads of them are not the application's waits. */
    private final List<String> agentFiles;

    BuiltInMerge(StringTable strings, List<String> agentFiles) {
        this.strings = strings;
        this.agentFiles = agentFiles;
    }

    /**
     * Keeps a built-in wait only if no agent wait on the same thread covers it (with
     * {@link ModelBuilder#MERGE_SLACK_NANOS} at the edges) and no kept built-in wait contains it.
     */
    long merge(ThreadInfo t) {
        WaitSpans agent = t.waitsToFill();
        WaitSpans builtIn = t.builtInWaits;
        int agentCount = agent.size();
        long dropped = 0;
        long keptEnd = Long.MIN_VALUE;
        int a = 0;
        for (int i = 0; i < builtIn.size(); i++) {
            if (agentsOwnIo(builtIn, i)) {
                continue;
            }
            long s = builtIn.start(i);
            long e = builtIn.end(i);
            while (a + 1 < agentCount && agent.start(a + 1) - ModelBuilder.MERGE_SLACK_NANOS <= s) {
                a++;
            }
            int cover = covers(agent, a, agentCount, s, e) ? a : covers(agent, a - 1, agentCount, s, e) ? a - 1 : -1;
            if (cover >= 0 || e <= keptEnd) {
                // the last notify inside the agent span is the one that ended it (built-ins come in start order)
                if (cover >= 0 && builtIn.notifier(i) >= 0) {
                    agent.notifier(cover, builtIn.notifier(i));
                }
                // the JVM's events often carry a stack when the agent's do not: where the wait was
                if (cover >= 0 && builtIn.stack(i) >= 0) {
                    agent.stackIfNone(cover, builtIn.stack(i));
                }
                if (cover >= 0 && builtIn.detail(i) >= 0) {
                    agent.detailIfNone(cover, builtIn.detail(i));
                }
                dropped++;
                continue;
            }
            keptEnd = Math.max(keptEnd, e);
            agent.addFrom(builtIn, i);
        }
        if (agent.size() != agentCount) {
            agent.sortAndTrim();
        }
        return dropped;
    }

    /**
     * Whether wait {@code i} is the JVM's file event on one of the agent's own files: after its
     * recording started, {@code premain} loads Weft's classes from its jar and reads its weaving cache
     * and marker files on the application's main thread.
     */
    private boolean agentsOwnIo(WaitSpans spans, int i) {
        if (agentFiles.isEmpty() || spans.detail(i) < 0 || !WaitKinds.IO.equals(strings.get(spans.kind(i)))) {
            return false;
        }
        String path = strings.get(spans.detail(i));
        for (String own : agentFiles) {
            if (path.startsWith(own) && (path.length() == own.length() || isSeparator(path.charAt(own.length()))
                    || isSeparator(own.charAt(own.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean covers(WaitSpans agent, int k, int count, long s, long e) {
        long slack = ModelBuilder.MERGE_SLACK_NANOS;
        return k >= 0 && k < count && agent.start(k) - slack <= s && e <= agent.end(k) + slack;
    }
}
