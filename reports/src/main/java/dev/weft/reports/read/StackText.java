package dev.weft.reports.read;

/**
 * The top frames of a stack trace as one line per frame ({@code pkg.Class.method:line}), with a last
 * line telling how many more there were: where a span was, not the whole way there. Both parsers feed
 * it frame by frame, so their texts are the same.
 */
final class StackText {

    /** Frames kept per stack trace. */
    static final int FRAMES = 8;

    private final StringBuilder text = new StringBuilder();
    private final int total;
    private int index;
    private int shown;
    private boolean full;

    /** For a stack trace of {@code total} frames, fed from frame {@code from} on. */
    StackText(int total, int from) {
        this.total = total;
        this.index = from;
    }

    /** Whether a frame of this class is the JDK's own. */
    static boolean isJdk(String className) {
        return className != null && (className.startsWith("java.") || className.startsWith("jdk.")
                || className.startsWith("sun."));
    }

    /** Whether more frames are wanted; once it is false the rest are left out. */
    boolean wants() {
        return !full;
    }

    /** Adds one frame; {@code className} {@code null} shows as {@code ?}; lines of 0 or less are not shown. */
    void frame(String className, String method, int line) {
        if (ended()) {
            return;
        }
        text.append(shown == 0 ? "" : "\n").append(className == null ? "?" : className).append('.').append(method);
        if (line > 0) {
            text.append(':').append(line);
        }
        shown++;
        index++;
    }

    /** A frame that is not shown (no method): it still counts among the "more". */
    void skip() {
        if (!ended()) {
            index++;
        }
    }

    /** Whether the text is full: then the frames from this one on are "more". */
    private boolean ended() {
        if (!full && shown == FRAMES) {
            text.append("\n\u2026 ").append(total - index).append(" more");
            full = true;
        }
        return full;
    }

    /** The text, {@code ""} when no frame was shown. */
    String text() {
        return text.toString();
    }
}
