package dev.weft.reports.testing;

/**
 * Threads for the recordings the tests make: each runs a {@link WeftEvents.Body}, and a failure in it ends
 * the thread as an {@link IllegalStateException} with the cause, written once here instead of in every test.
 */
public final class TestThreads {

    private TestThreads() {
    }

    /** An unstarted platform thread called {@code name} that runs {@code body}. */
    public static Thread named(String name, WeftEvents.Body body) {
        return new Thread(unchecked(body), name);
    }

    /** An unstarted virtual thread that runs {@code body}. */
    public static Thread virtual(WeftEvents.Body body) {
        return Thread.ofVirtual().unstarted(unchecked(body));
    }

    private static Runnable unchecked(WeftEvents.Body body) {
        return () -> {
            try {
                body.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
