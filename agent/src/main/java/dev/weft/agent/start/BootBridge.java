package dev.weft.agent.start;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Puts the boot bridge (event classes and recorder) on the bootstrap class path and loads it.
 * Advice inlined into {@code java.base} can only see classes of the boot loader (DESIGN §4 trap 3).
 */
public final class BootBridge {

    /** Every bridge class, initialised here so that no advice triggers a class load inside the JDK. */
    static final String[] CLASSES = {
        "dev.weft.boot.Recorder",
        "dev.weft.boot.Recorder$StateLocal",
        "dev.weft.boot.AgentThread",
        "dev.weft.boot.WaitState",
        "dev.weft.boot.WaitEvent",
        "dev.weft.boot.WorkloadEvent",
        "dev.weft.boot.WakeEvent",
        "dev.weft.boot.ThreadStartEvent",
        "dev.weft.boot.ThreadAliveAtExitEvent",
        "dev.weft.boot.AgentStatusEvent",
        "dev.weft.boot.VirtualBlockedEvent",
        "dev.weft.boot.Kinds",
        "dev.weft.boot.JdkThreads",
        "dev.weft.boot.WaitInProgressEvent",
        "dev.weft.boot.WaitSampleEvent",
        "dev.weft.boot.OpenWaits",
        "dev.weft.boot.OpenWaits$Visitor",
        "dev.weft.boot.Waits",
        "dev.weft.boot.Workloads",
        "dev.weft.boot.Threads",
    };

    static final String EMBEDDED = "META-INF/weft/weft-boot.jar";

    /** How the bridge got onto the bootstrap path in this JVM, once it did; guarded by BootBridge.class. */
    private static String appendedBy;
    /** The temporary copy of the embedded bridge, when that is what the bootstrap path holds. */
    private static Path embeddedCopy;
    /** The same, once the bridge is also loaded and initialised. */
    private static volatile String installedBy;

    private BootBridge() { }

    /** @return how the bridge got there, for the verbose log */
    static String install(Instrumentation inst) throws IOException, ClassNotFoundException {
        if (installedBy != null) {
            // a later attach in the same JVM: the bootstrap path cannot be undone, and needs no second copy
            return "already loaded (" + installedBy + ")";
        }
        String how = appendIfMissing(inst);
        for (String name : CLASSES) {
            Class<?> c = Class.forName(name, true, null);
            if (c.getClassLoader() != null) {
                throw new IllegalStateException(name + " did not load from the bootstrap class path");
            }
        }
        installedBy = how;
        return how;
    }

    /**
     * Makes the bridge loadable from the bootstrap class path, without initialising anything: its
     * classes then exist once, in the boot loader, whoever asks first (the control thread of an
     * attach is a {@code dev.weft.boot.AgentThread}, made before any recording starts).
     *
     * @return how the bridge got there
     */
    public static synchronized String appendIfMissing(Instrumentation inst) throws IOException {
        if (appendedBy == null) {
            appendedBy = onBootPath() ? "Boot-Class-Path" : appendEmbeddedCopy(inst);
        }
        return appendedBy;
    }

    /** The jar the bridge loads from: beside agent.jar, or the copy of the one embedded in it; null before install. */
    static synchronized Path jar(Path agentJar) {
        if (embeddedCopy != null) {
            return embeddedCopy;
        }
        return appendedBy == null || agentJar == null ? null : agentJar.resolveSibling("weft-boot.jar");
    }

    private static String appendEmbeddedCopy(Instrumentation inst) throws IOException {
        // agent.jar was copied without weft-boot.jar beside it: use the copy embedded in it
        Path jar = Files.createTempFile("weft-boot", ".jar");
        embeddedCopy = jar;
        try (InputStream in = BootBridge.class.getClassLoader().getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IOException("agent.jar lacks " + EMBEDDED);
            }
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        jar.toFile().deleteOnExit();
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        return "embedded copy";
    }

    private static boolean onBootPath() {
        try {
            Class.forName(CLASSES[0], false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
