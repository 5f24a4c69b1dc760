package dev.weft.agent;

/** The agent's only voice: one line per message on stderr, always prefixed so users know who speaks. */
final class Console {

    private Console() { }

    static void line(String message) {
        System.err.println("[weft] " + message);
    }
}
