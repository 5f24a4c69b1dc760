package dev.weft.reports;

/**
 * The only exception the reports library throws: the recording could not be read, or the report
 * could not be written. The message is one line, fit to print as is.
 */
public class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(oneLine(message));
    }

    public ReportException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Collapses line breaks and runs of white space so the message fits on one line. */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        return message.replaceAll("[\\s\\u2028\\u2029]+", " ").trim();
    }
}
