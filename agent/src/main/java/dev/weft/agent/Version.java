package dev.weft.agent;

/** The agent's version, from the jar manifest when packaged. */
public final class Version {

    public static final String VALUE = find();

    private Version() { }

    private static String find() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
