package dev.weft.reports.cli;

/** The command line was wrong: exit code 2, a one-line message and a usage hint. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Command command;

    public UsageException(String message, Command command) {
        super(message);
        this.command = command;
    }

    /** The command whose usage to hint at, or {@code null} for the main usage. */
    public Command command() {
        return command;
    }
}
