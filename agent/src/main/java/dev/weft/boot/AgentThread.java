package dev.weft.boot;

/**
 * A thread of Weft's own (the control thread, the fallback exit hook). The recorder knows them by
 * this class, not by name: an application thread called "weft-…" is the application's and is
 * recorded like any other.
 */
public final class AgentThread extends Thread {

    private AgentThread(Runnable task, String name) {
        super(task, name);
    }

    /**
     * A new, unstarted thread of Weft's own. A factory rather than a constructor call, so that
     * callers are typed {@code Thread}: the verifier of a class that never names this one need not
     * load it before the bridge is on the bootstrap class path.
     */
    public static Thread create(Runnable task, String name) {
        return new AgentThread(task, name);
    }
}
