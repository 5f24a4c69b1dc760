package dev.weft.agent.cli;

import dev.weft.agent.control.AttachProtocol;
import dev.weft.agent.control.SessionMarker;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;

/** A running JVM to ask something of: found by pid, checked, attached, asked, and its answer awaited. */
final class TargetJvm {

    /** How long a command waits for the agent's answer: a large report takes seconds to render. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 20;
    private static final int MIN_JAVA = 17;

    private TargetJvm() { }

    static long parsePid(String text, CliCommand command) throws UsageException {
        try {
            long pid = Long.parseLong(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("'" + text + "' is not a process id (see: " + AgentCli.PROGRAM + " list)", command);
    }

    /**
     * Asks the agent in JVM {@code pid} to start or stop and returns its successful answer.
     *
     * @throws CommandFailure with one line: no such JVM, attach refused, or the agent's own reason
     */
    static AttachProtocol.Reply ask(long pid, AttachProtocol.Action action, String options) throws CommandFailure {
        return ask(pid, action, options, null);
    }

    /**
     * {@link #ask(long, AttachProtocol.Action, String)} with the reply (and a snapshot) in a private
     * directory created under {@code near}, or the temporary directory when {@code null}; the caller
     * takes the snapshot out of it before this returns, in {@code withAnswer}.
     */
    static AttachProtocol.Reply ask(long pid, AttachProtocol.Action action, String options, Near near)
            throws CommandFailure {
        ProcessHandle process = find(pid);
        if (!JavaProcesses.canAttach()) {
            throw new CommandFailure("this Java runtime cannot attach to other JVMs (it lacks the module jdk.attach);"
                    + " run the command with a JDK");
        }
        String jar = agentJar().toString();
        Path dir = null;
        try {
            dir = near == null ? Files.createTempDirectory("weft-attach-")
                    : Files.createTempDirectory(near.dir(), ".weft-attach-");
            Path reply = dir.resolve("reply");
            try (AttachApi.Connection vm = AttachApi.attach(pid)) {
                check(pid, action, vm.systemProperties());
                vm.loadAgent(jar, AttachProtocol.request(action, options, reply));
            }
            AttachProtocol.Reply answer = await(process, reply);
            if (!answer.ok()) {
                throw new CommandFailure(answer.reason());
            }
            if (near != null) {
                near.withAnswer(reply);
            }
            return answer;
        } catch (IOException e) {
            throw new CommandFailure("cannot exchange the answer with JVM " + pid + ": " + e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The system properties of JVM {@code pid}, read over an attach connection that loads nothing. */
    static Properties properties(long pid) throws CommandFailure {
        find(pid);
        if (!JavaProcesses.canAttach()) {
            throw new CommandFailure("this Java runtime cannot attach to other JVMs (it lacks the module jdk.attach);"
                    + " run the command with a JDK");
        }
        try (AttachApi.Connection vm = AttachApi.attach(pid)) {
            Properties props = vm.systemProperties();
            check(pid, null, props);
            return props;
        }
    }

    static ProcessHandle find(long pid) throws CommandFailure {
        if (pid == ProcessHandle.current().pid()) {
            throw new CommandFailure(pid + " is this command's own process");
        }
        ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new CommandFailure("no process with pid " + pid));
        boolean listed = JavaProcesses.canAttach() && AttachApi.list().stream().anyMatch(j -> j.pid() == pid);
        if (!listed && !JavaProcesses.looksLikeJava(process)) {
            // attaching signals the process: never do that to something that is not a JVM
            throw new CommandFailure("process " + pid + " is not a JVM that allows attach (see: "
                    + AgentCli.PROGRAM + " list)");
        }
        return process;
    }

    /** What can be told before loading anything into the JVM. */
    private static void check(long pid, AttachProtocol.Action action, Properties props) throws CommandFailure {
        int version = feature(props.getProperty("java.specification.version", ""));
        if (version > 0 && version < MIN_JAVA) {
            throw new CommandFailure("JVM " + pid + " runs Java " + version + "; Weft needs Java " + MIN_JAVA + " or newer");
        }
        String recording = props.getProperty(SessionMarker.PROPERTY);
        if (action == AttachProtocol.Action.START && recording != null) {
            throw new CommandFailure("Weft is already recording in JVM " + pid + ", to " + recording
                    + "; stop it first: " + AgentCli.PROGRAM + " stop " + pid);
        }
        if (action != null && action != AttachProtocol.Action.START && recording == null) {
            throw new CommandFailure("Weft is not recording in JVM " + pid);
        }
    }

    /** Where a command wants the answer's files, and what it does with them before they are deleted. */
    interface Near {
        Path dir();

        void withAnswer(Path reply) throws IOException, CommandFailure;
    }

    static int feature(String specVersion) {
        String v = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
        try {
            return Integer.parseInt(v.split("\\.", 2)[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static AttachProtocol.Reply await(ProcessHandle process, Path reply) throws IOException, CommandFailure {
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (true) {
            AttachProtocol.Reply answer = AttachProtocol.readReply(reply);
            if (answer != null) {
                return answer;
            }
            if (!process.isAlive()) {
                throw new CommandFailure("JVM " + process.pid() + " exited before it answered");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new CommandFailure("no answer from JVM " + process.pid() + " within " + ANSWER_TIMEOUT.toSeconds()
                        + " s; it may still be working, its stderr shows Weft's lines");
            }
            try {
                Thread.sleep(POLL_MILLIS); // another process answers: a file to poll, nothing to await here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandFailure("interrupted while waiting for JVM " + process.pid());
            }
        }
    }

    /** The jar this command runs from: the agent to load. */
    static Path agentJar() throws CommandFailure {
        try {
            var source = TargetJvm.class.getProtectionDomain().getCodeSource();
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar != null && Files.isRegularFile(jar)) {
                return jar.toAbsolutePath();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // said below
        }
        throw new CommandFailure("cannot tell which agent.jar to load: run this command as " + AgentCli.PROGRAM);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind; the JVM may still write its late answer there
        }
    }
}
