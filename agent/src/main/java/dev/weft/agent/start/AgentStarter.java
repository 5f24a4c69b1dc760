package dev.weft.agent.start;

import dev.weft.agent.AgentHealth;
import dev.weft.agent.AgentOptions;
import dev.weft.agent.Console;
import dev.weft.agent.control.WeftSession;
import dev.weft.agent.exit.ExitHook;
import dev.weft.agent.exit.ExitReport;
import dev.weft.agent.record.WeftRecording;
import dev.weft.agent.weave.Installer;
import dev.weft.agent.weave.WeavingCache;
import dev.weft.agent.weave.WeavingCacheOpener;
import dev.weft.agent.weave.WeavingTransformer;
import dev.weft.agent.weave.WorkloadFilter;
import dev.weft.boot.Recorder;
import dev.weft.reports.recover.RecordingMarker;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * Starts Weft: options, boot bridge, recording, instrumentation, exit report. Every failure
 * becomes one line on stderr and the application runs on, unobserved rather than harmed.
 */
public final class AgentStarter {

    /** The manifest attribute an application uses to name its workload methods for Weft. */
    static final String MANIFEST_WORKLOAD = "Weft-Workload";

    /** The running recording, or null; guarded by AgentStarter.class. A stop clears it, so a later attach starts anew. */
    private static WeftSession session;

    private AgentStarter() { }

    public static synchronized void start(String args, Instrumentation inst) {
        long t0 = System.nanoTime();
        try {
            AgentOptions options = AgentOptions.parse(args);
            options.problems().forEach(Console::line);
            if (options.help()) {
                System.err.println(AgentOptions.USAGE);
                return;
            }
            if (session != null) {
                Console.line("already recording in this JVM; ignoring the second start");
                return;
            }
            if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
                // a runtime linked without jdk.jfr (or --limit-modules java.se): say so, rather than
                // the NoClassDefFoundError the next line would end in
                Console.line("JDK Flight Recorder (module jdk.jfr) is not in this Java runtime; Weft records nothing");
                return;
            }
            if (!FlightRecorder.isAvailable()) {
                Console.line("JDK Flight Recorder is not available in this JVM; Weft records nothing");
                return;
            }
            String aot = AotTraining.refusal(inst);
            if (aot != null) {
                Console.line(aot);
                return;
            }
            String bridge = BootBridge.install(inst);
            long tBridge = System.nanoTime();

            String filterText = options.workload() != null ? options.workload() : manifestWorkload();
            if (options.phases() != null) {
                // a phase is a workload span whose method the phases filter names: weave those methods too
                filterText = filterText == null ? options.phases() : filterText + ";" + options.phases();
            }
            WorkloadFilter filter = WorkloadFilter.parse(filterText);
            filter.problems().forEach(Console::line);

            Path dir = options.outDir();
            try {
                Files.createDirectories(dir);
                if (!Files.isWritable(dir)) {
                    throw new IOException("not writable");
                }
            } catch (IOException | SecurityException e) {
                Console.line("cannot write to " + dir + " (" + e.getMessage() + "); Weft records nothing");
                return;
            }
            String base = unusedBase(dir, baseName());
            Path jfr = dir.resolve(base + ".jfr");
            Path html = options.html() ? dir.resolve(base + ".html") : null;

            AgentHealth health = new AgentHealth();
            health.ownFiles = ownFiles(options);
            long tRecord = System.nanoTime();
            WeavingCacheOpener cacheOpening = options.cacheDir() == null ? null
                    : WeavingCacheOpener.start(options.cacheDir(), AgentStarter::agentBuildId, filter.toString(),
                            options.cacheNamed() || options.verbose());
            Recording recording = WeftRecording.start(jfr, options.stacks(), options.maxSize(), options.maxAgeMillis(),
                    health, options.raw(), filter.toString(), options.phases());
            Recorder.activate();
            long tInstall = System.nanoTime();
            WeavingCache cache = cacheOpening == null ? null : cacheOpening.await();
            WeavingTransformer weaving = Installer.install(inst, filter, health, options.verbose(), cache);
            long tDone = System.nanoTime();
            ExitHook exitHook = new ExitHook(recording, new ExitReport(jfr, html, health, options.verbose(),
                    options.reportTimeoutMillis(), options.reportHeap()));
            exitHook.register(inst);
            session = WeftSession.started(inst, recording, weaving, exitHook, jfr);
            health.startupMillis = (System.nanoTime() - t0) / 1_000_000;
            if (options.verbose()) {
                Console.line("recording to " + jfr + " (bridge: " + bridge + ", " + health.instrumentedTypes()
                        + " types instrumented, workload: " + (filter.isEmpty() ? "none" : filter) + ", start-up "
                        + health.startupMillis + " ms: bridge " + millis(t0, tBridge) + ", recording "
                        + millis(tRecord, tInstall) + ", instrumentation " + millis(tInstall, tDone) + "; weaving cache "
                        + cacheSummary(weaving) + ", Byte Buddy " + (weaving.byteBuddyLoaded() ? "loaded" : "not loaded")
                        + ")");
            }
        } catch (Throwable t) {
            Recorder.deactivate();
            Console.line("agent disabled, the application runs unobserved: " + t);
        }
    }

    /** The running recording, or null. */
    public static synchronized WeftSession session() {
        return session;
    }

    /** Ends the running recording now ({@code java -jar agent.jar stop}); false, said in one line, if none runs. */
    public static synchronized boolean stop() {
        WeftSession running = session;
        if (running == null) {
            Console.line("Weft is not recording in this JVM");
            return false;
        }
        session = null;
        return running.stop();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** "28 hits, 0 misses (keys 5 ms, reads and checks 4 ms, opened in 30 ms …)", and what the cache threw away. */
    private static String cacheSummary(WeavingTransformer weaving) {
        WeavingCache cache = weaving.cache();
        if (cache == null) {
            return "off";
        }
        StringBuilder b = new StringBuilder().append(weaving.cacheHits()).append(" hits, ")
                .append(weaving.cacheMisses()).append(" misses (keys ").append(cache.keyMillis())
                .append(" ms, reads and checks ").append(cache.readMillis()).append(" ms, opened in ")
                .append(cache.openMillis()).append(" ms beside the recording's start");
        if (cache.discarded() > 0) {
            b.append(", ").append(cache.discarded()).append(" damaged entries discarded");
        }
        if (cache.evicted() > 0) {
            b.append(", ").append(cache.evicted()).append(" refused by the JVM and woven afresh");
        }
        return b.append(')').toString();
    }

    /**
     * The agent jar's path, size and modification time: a new build never reuses another build's woven
     * classes. Null when the jar cannot be found: then there is no cache, rather than one that never hits.
     */
    static String agentBuildId() {
        try {
            Path jar = agentJar();
            return jar.toAbsolutePath() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /** The {@code Weft-Workload} attribute of the jar run with {@code java -jar}, or null. */
    static String manifestWorkload() {
        Path jar = applicationJar();
        if (jar == null) {
            return null;
        }
        try (JarFile jf = new JarFile(jar.toFile())) {
            var manifest = jf.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue(MANIFEST_WORKLOAD);
        } catch (IOException e) {
            return null;
        }
    }

    static Path applicationJar() {
        String command = System.getProperty("sun.java.command", "");
        String first = command.split(" ", 2)[0];
        if (first.endsWith(".jar") && Files.isRegularFile(Path.of(first))) {
            return Path.of(first);
        }
        return null;
    }

    /**
     * The files the agent reads and writes on the application's thread once its recording runs, so
     * that the report does not show them as the application's I/O: its jar and the bridge's (the
     * classes load lazily), the weaving cache, the markers. Each also relative to the working
     * directory, the form the JVM names a jar given as {@code -javaagent:agent.jar} by.
     */
    static String ownFiles(AgentOptions options) {
        Path agentJar = agentJar();
        List<Path> own = new ArrayList<>();
        own.add(agentJar);
        own.add(BootBridge.jar(agentJar));
        own.add(options.cacheDir());
        own.add(RecordingMarker.directory());
        Path cwd = Path.of("").toAbsolutePath();
        StringBuilder b = new StringBuilder();
        for (Path p : own) {
            if (p == null) {
                continue;
            }
            Path abs = p.toAbsolutePath().normalize();
            b.append(abs).append('\n');
            if (abs.startsWith(cwd) && !abs.equals(cwd)) {
                b.append(cwd.relativize(abs)).append('\n');
            }
        }
        return b.toString();
    }

    private static Path agentJar() {
        try {
            return Path.of(WeftAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /** {@code base}, or base-2, base-3 …: attach, stop and attach within one second must not overwrite the first files. */
    static String unusedBase(Path dir, String base) {
        String name = base;
        for (int n = 2; Files.exists(dir.resolve(name + ".jfr")) || Files.exists(dir.resolve(name + ".html")); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** "demo-app-20261127-213501-4242": the application, the time and the process, so runs never collide. */
    static String baseName() {
        Path jar = applicationJar();
        String app;
        if (jar != null) {
            app = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        } else {
            String command = System.getProperty("sun.java.command", "").split(" ", 2)[0];
            app = command.isEmpty() ? "app" : command.substring(command.lastIndexOf('.') + 1);
        }
        app = app.replaceAll("[^A-Za-z0-9._-]", "_");
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return app + "-" + time + "-" + ProcessHandle.current().pid();
    }
}
