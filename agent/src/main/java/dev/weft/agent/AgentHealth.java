package dev.weft.agent;

import java.util.concurrent.atomic.AtomicInteger;

/** What the agent did and what failed inside it; shown in the exit line and recorded as weft.AgentStatus. */
public final class AgentHealth {

    private final AtomicInteger instrumentedTypes = new AtomicInteger();
    private final AtomicInteger transformErrors = new AtomicInteger();
    public volatile long startupMillis;

    public void instrumented(String type) {
        instrumentedTypes.incrementAndGet();
    }

    public void transformError() {
        transformErrors.incrementAndGet();
    }

    public int instrumentedTypes() { return instrumentedTypes.get(); }

    public int transformErrors() { return transformErrors.get(); }
}
