package dev.weft.bench;

/** The application of the start-up benchmark: a main that does nothing, so the JVM and the agent are all there is. */
public final class Trivial {

    private Trivial() { }

    public static void main(String[] args) {
        // nothing: what is timed is the JVM, its JFR and the agent around this
    }
}
