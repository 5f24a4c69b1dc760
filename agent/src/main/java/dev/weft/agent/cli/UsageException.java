package dev.weft.agent.cli;

/** The command line was wrong: exit code 2, one line and the usage of {@link #command()}. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient CliCommand command;

    UsageException(String message, CliCommand command) {
        super(message);
        this.command = command;
    }

    /** The command whose usage to show, or null for the main usage. */
    CliCommand command() {
        return command;
    }
}
