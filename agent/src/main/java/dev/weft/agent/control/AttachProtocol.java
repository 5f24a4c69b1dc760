package dev.weft.agent.control;

import dev.weft.reports.io.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code java -jar agent.jar attach|stop} talks to the agent in another JVM.
 *
 * <p>The request is the agent argument: the agent options, then {@code weft.control=start|stop|snapshot}
 * and, last, {@code weft.reply=<file>}. The reply path runs to the end of the argument, so it may
 * hold commas. The agent answers in that file, which lies in a directory the command created for
 * this one call: it writes the file whole or not at all ({@code AtomicFile}), so the command never
 * reads half an answer. The first line is {@code ok} or {@code fail}; every further line is one
 * thing the agent said on its console during the call, the reason of a failure last.
 *
 * <p>A file and not the attach connection: {@code loadAgent} returns no text, and answering on a
 * thread of Weft's own leaves the target's single Attach Listener thread free (for {@code jcmd})
 * while a large report renders, and lets the command bound its wait.
 */
public final class AttachProtocol {

    static final String CONTROL = "weft.control=";
    static final String REPLY = "weft.reply=";

    /** What the command asks of the agent. */
    public enum Action { START, STOP, SNAPSHOT }

    /**
     * Where the agent writes a snapshot: beside the reply, in the directory the command created for
     * this call (next to the destination the user named, so that moving it there is a rename).
     */
    public static Path snapshotOf(Path reply) {
        return reply.resolveSibling("snapshot.jfr");
    }

    /** A parsed control request: what to do, the agent options (START only) and where to answer. */
    record Request(Action action, String options, Path reply) { }

    /** What the agent answered: whether it did it, and what it said. */
    public record Reply(boolean ok, List<String> lines) {

        /** The last thing said: for a failure, its reason. */
        public String reason() {
            return lines.isEmpty() ? "no reason given" : lines.get(lines.size() - 1);
        }
    }

    private AttachProtocol() { }

    /** The agent argument for {@code action}; {@code options} may be empty. */
    public static String request(Action action, String options, Path reply) {
        StringBuilder b = new StringBuilder();
        if (options != null && !options.isBlank()) {
            b.append(options).append(',');
        }
        return b.append(CONTROL).append(action.name().toLowerCase(java.util.Locale.ROOT)).append(',')
                .append(REPLY).append(reply).toString();
    }

    /** The control request in an agent argument, or null for plain agent options (a {@code loadAgent} of someone else). */
    static Request parse(String args) {
        if (args == null) {
            return null;
        }
        int at = args.lastIndexOf(REPLY);
        if (at < 0 || (at > 0 && args.charAt(at - 1) != ',')) {
            return null;
        }
        Path reply = Path.of(args.substring(at + REPLY.length()));
        Action action = Action.START;
        List<String> options = new ArrayList<>();
        for (String item : args.substring(0, at).split(",")) {
            String entry = item.strip();
            if (entry.startsWith(CONTROL)) {
                action = switch (entry.substring(CONTROL.length())) {
                    case "stop" -> Action.STOP;
                    case "snapshot" -> Action.SNAPSHOT;
                    default -> Action.START;
                };
            } else if (!entry.isEmpty()) {
                options.add(entry);
            }
        }
        return new Request(action, String.join(",", options), reply);
    }

    /** Writes the answer so that it appears at once and whole. */
    static void writeReply(Path reply, boolean ok, List<String> lines) throws IOException {
        List<String> text = new ArrayList<>();
        text.add(ok ? "ok" : "fail");
        for (String line : lines) {
            text.add(line.replace('\n', ' ').replace('\r', ' '));
        }
        AtomicFile.write(reply, String.join("\n", text).concat("\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The answer, or null while there is none yet. */
    public static Reply readReply(Path reply) throws IOException {
        List<String> text;
        try {
            text = Files.readAllLines(reply, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (text.isEmpty() || !(text.get(0).equals("ok") || text.get(0).equals("fail"))) {
            throw new IOException("unreadable answer in " + reply);
        }
        return new Reply(text.get(0).equals("ok"), List.copyOf(text.subList(1, text.size())));
    }
}
