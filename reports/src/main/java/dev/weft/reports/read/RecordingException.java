package dev.weft.reports.read;

/**
 * A recording could not be read at all; the message is one line, fit to print as is. The library's
 * entry points turn it into their own exception, so that this package depends on none above it.
 */
public final class RecordingException extends Exception {

    private static final long serialVersionUID = 1L;

    public RecordingException(String message) {
        super(message);
    }
}
