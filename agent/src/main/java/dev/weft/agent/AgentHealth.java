package dev.weft.agent;

import java.util.concurrent.atomic.AtomicInteger;

/** What the agent did and what failed inside it; shown in the exit line and recorded as weft.AgentStatus. */
final class AgentHealth {

    private final AtomicInteger instrumentedTypes = new AtomicInteger();
    private final AtomicInteger transformErrors = new AtomicInteger();
    volatile long startupMillis;

    void instrumented(String type) {
        instrumentedTypes.incrementAndGet();
    }

    void transformError() {
        transformErrors.incrementAndGet();
    }

    int instrumentedTypes() { return instrumentedTypes.get(); }

    int transformErrors() { return transformErrors.get(); }
}
