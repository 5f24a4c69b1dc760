package dev.weft.agent;

import java.util.function.Consumer;

/** The agent's only voice: one line per message on stderr, always prefixed so users know who speaks. */
public final class Console {

    /** Also hears every line while an agent.jar command waits for the answer (see {@link dev.weft.agent.control.AgentControl}). */
    private static volatile Consumer<String> relay;

    private Console() { }

    public static void line(String message) {
        System.err.println("[weft] " + message);
        Consumer<String> r = relay;
        if (r != null) {
            r.accept(message);
        }
    }

    public static void relayTo(Consumer<String> listener) {
        relay = listener;
    }
}
