package dev.weft.reports.live;

import dev.weft.reports.model.WaitKinds;

/**
 * Whether a wait in progress is a worker waiting for work (idle) or a thread blocked on something
 * (a lock, a latch, a sleep, another thread, the network). The one place the live view asks; it
 * defers to {@link WaitKinds}, the one list of kinds, where the agent's {@code idle} kind (a pool
 * worker in {@code getTask}, {@code awaitWork}, a timer, a server's dispatch loop) is the idle one.
 */
public final class WaitClass {

    private WaitClass() {
    }

    /** Whether a wait of this kind waits for work. */
    public static boolean idle(String kind) {
        return WaitKinds.isIdle(kind);
    }
}
