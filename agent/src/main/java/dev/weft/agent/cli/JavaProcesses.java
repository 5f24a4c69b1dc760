package dev.weft.agent.cli;

import dev.weft.agent.control.SessionMarker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The JVMs of this user that Weft could attach to, with what they run and whether Weft records there. */
final class JavaProcesses {

    /** A running JVM: its pid, its main class or jar, and the .jfr Weft records to there, if it does. */
    record Jvm(long pid, String main, Optional<String> recording) { }

    /** Launcher options whose value is the next argument: skipped on the way to the main class. */
    private static final Set<String> TAKES_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "--add-modules", "--limit-modules", "--add-reads", "--add-exports",
            "--add-opens", "--patch-module", "--enable-native-access", "--source");

    private JavaProcesses() { }

    /**
     * The attach API's list where the runtime has it (the JVMs that publish themselves, as {@code jps}
     * shows), else every process of this user whose command is {@code java}.
     */
    static List<Jvm> find() {
        long self = ProcessHandle.current().pid();
        List<Jvm> jvms = new ArrayList<>();
        if (canAttach()) {
            for (AttachApi.Listed l : AttachApi.list()) {
                Optional<ProcessHandle> p = ProcessHandle.of(l.pid());
                if (l.pid() != self && p.isPresent()) {
                    jvms.add(new Jvm(l.pid(), firstWord(l.displayName()), SessionMarker.recordingOf(p.get())));
                }
            }
        } else {
            String user = ProcessHandle.current().info().user().orElse(null);
            ProcessHandle.allProcesses()
                    .filter(p -> p.pid() != self && looksLikeJava(p))
                    .filter(p -> user == null || user.equals(p.info().user().orElse(null)))
                    .forEach(p -> jvms.add(new Jvm(p.pid(), mainOf(p.info().arguments().orElse(new String[0])),
                            SessionMarker.recordingOf(p))));
        }
        jvms.sort(Comparator.comparingLong(Jvm::pid));
        return jvms;
    }

    /** Whether this runtime has the attach API (module jdk.attach); asked before {@link AttachApi} is touched. */
    static boolean canAttach() {
        return ModuleLayer.boot().findModule("jdk.attach").isPresent();
    }

    static boolean looksLikeJava(ProcessHandle process) {
        return process.info().command()
                .map(c -> Path.of(c).getFileName().toString())
                .map(name -> name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe"))
                .orElse(false);
    }

    /** The main class, {@code -m} module or {@code -jar} file of a java command line; "?" when there is none. */
    static String mainOf(String[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            String a = arguments[i];
            if ((a.equals("-jar") || a.equals("-m") || a.equals("--module")) && i + 1 < arguments.length) {
                return arguments[i + 1];
            }
            if (a.startsWith("--module=")) {
                return a.substring("--module=".length());
            }
            if (TAKES_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return "?";
    }

    private static String firstWord(String displayName) {
        String trimmed = displayName == null ? "" : displayName.strip();
        return trimmed.isEmpty() ? "?" : trimmed.split("\\s+", 2)[0];
    }
}
