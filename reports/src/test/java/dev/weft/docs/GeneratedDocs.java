package dev.weft.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parts of README.md and docs/ that are the code's own text — help texts, option lists, field
 * lists, the wait kinds — so that the docs cannot drift from the code. Each such part stands between
 * two markers:
 *
 * <pre>
 * &lt;!-- generated:NAME from WHERE; checked by TEST (-Dweft.fix.docs=true rewrites it) --&gt;
 * …
 * &lt;!-- end generated:NAME --&gt;
 * </pre>
 *
 * A test builds the text from the code and hands it to {@link #check}: it fails when the doc holds
 * anything else, and with {@code -Dweft.fix.docs=true} it writes the code's text into the doc instead.
 */
public final class GeneratedDocs {

    /** The system property that makes {@link #check} rewrite a stale block instead of failing. */
    public static final String FIX = "weft.fix.docs";

    private GeneratedDocs() {
    }

    /** The project's root: the nearest directory up from the working directory with docs/ and README.md. */
    public static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("docs")) && Files.isRegularFile(d.resolve("README.md"))) {
                return d;
            }
        }
        throw new IllegalStateException("no project root (docs/ and README.md) above " + Path.of("").toAbsolutePath());
    }

    /** A file of the project, e.g. {@code docs/agent.md}. */
    public static Path file(String relative) {
        return root().resolve(relative);
    }

    /** {@code text} as a fenced block of plain text, as a terminal shows it. */
    public static String textBlock(String text) {
        return "```text\n" + (text.endsWith("\n") ? text : text + "\n") + "```\n";
    }

    /**
     * Checks that block {@code name} of the doc at {@code relative} (from the project root) is
     * {@code generated}; rewrites it when {@value #FIX} is true.
     */
    public static void check(String relative, String name, String generated) {
        Path doc = file(relative);
        try {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            String begin = "<!-- generated:" + name + " ";
            String end = "<!-- end generated:" + name + " -->";
            int from = text.indexOf(begin);
            int open = from < 0 ? -1 : text.indexOf("-->\n", from);
            int to = text.indexOf(end);
            assertTrue(from >= 0 && open > from && to > open, relative + " has no block '" + name + "' between "
                    + begin + "… -->" + " and " + end);
            assertTrue(text.indexOf(begin, from + 1) < 0, relative + " has block '" + name + "' twice");
            int contentStart = open + "-->\n".length();
            String current = text.substring(contentStart, to);
            if (!current.equals(generated) && Boolean.getBoolean(FIX)) {
                Files.writeString(doc, text.substring(0, contentStart) + generated + text.substring(to),
                        StandardCharsets.UTF_8);
                System.err.println("[weft-test] rewrote block '" + name + "' of " + relative);
                current = generated;
            }
            assertEquals(generated, current, relative + ": block '" + name + "' differs from the code's text;"
                    + " regenerate it with -D" + FIX + "=true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
