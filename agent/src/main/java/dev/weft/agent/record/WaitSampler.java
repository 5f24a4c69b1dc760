package dev.weft.agent.record;

import dev.weft.boot.OpenWaits;
import dev.weft.boot.Recorder;
import dev.weft.boot.Threads;
import dev.weft.boot.WaitInProgressEvent;
import dev.weft.boot.WaitSampleEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The periodic hook of {@code weft.WaitSample}: lists the waits in progress (the advice's, from
 * {@link OpenWaits}, and those no advice sees, from {@link UnwovenWaits}), the longest first, as
 * {@code weft.WaitInProgress} events, then commits the sample that closes the list. Runs on
 * JFR's periodic thread, so the application's threads pay nothing for it but the CAS each makes
 * once to join {@link OpenWaits}.
 */
final class WaitSampler implements Runnable {

    /** At most this many waits per sample: a live view shows the longest; 100,000 idle virtual threads need not be listed each second. */
    static final int MAX_LISTED = 1000;

    private final UnwovenWaits unwoven = new UnwovenWaits();
    private long sample;

    /** One wait in progress, as the sample saw it. */
    record Open(Thread thread, long threadId, String threadName, String kind, String api, String blockerClass, int blockerId,
                long target, long since) { }

    @Override
    public void run() {
        try {
            long n = ++sample;
            List<Open> open = new ArrayList<>();
            Map<Thread, Boolean> seen = new IdentityHashMap<>();
            OpenWaits.visit((thread, kind, api, blockerClass, blockerId, target, startTicks) -> {
                seen.put(thread, Boolean.TRUE);
                open.add(new Open(thread, Threads.id(thread), thread.getName(), kind, api,
                        blockerClass == null ? null : blockerClass.getName(), blockerId,
                        target == null ? 0 : Threads.id(target), startTicks));
            });
            unwoven.sample(seen, open);
            // the longest-blocked first; an unknown start (0) last
            open.sort(Comparator.comparingLong((Open o) -> o.since() == 0 ? Long.MAX_VALUE : o.since()));
            int listed = Math.min(open.size(), MAX_LISTED);
            for (int i = 0; i < listed; i++) {
                commit(n, open.get(i));
            }
            WaitSampleEvent s = new WaitSampleEvent();
            s.sample = n;
            s.inProgress = open.size();
            s.listed = listed;
            s.commit();
        } catch (Throwable t) {
            Recorder.suppressed(t); // JFR would log it on the application's stderr; count it like advice errors
        }
    }

    private static void commit(long sample, Open o) {
        WaitInProgressEvent e = new WaitInProgressEvent();
        e.sample = sample;
        e.thread = o.thread();
        e.threadId = o.threadId();
        e.threadName = o.threadName();
        e.kind = o.kind();
        e.api = o.api();
        e.blockerClass = o.blockerClass();
        e.blockerId = o.blockerId();
        e.targetThreadId = o.target();
        e.since = o.since();
        e.commit();
    }
}
