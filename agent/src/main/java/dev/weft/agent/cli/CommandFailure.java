package dev.weft.agent.cli;

/** The command could not be done (no such JVM, attach refused, Weft not recording there): exit code 1, one line. */
final class CommandFailure extends Exception {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}
