package dev.weft.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link and image of README.md and docs/*.md leads somewhere: the file exists, and a
 * {@code #section} names a heading of it (GitHub's anchors). A file moved or a heading renamed breaks
 * this test rather than the reader's click.
 */
class DocLinksTest {

    /** {@code [text](target)} and {@code ![alt](target)}; the target ends at a space (a title) or the parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        Path root = GeneratedDocs.root();
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs) {
            Matcher m = LINK.matcher(withoutCode(Files.readString(doc, StandardCharsets.UTF_8)));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto: … : not this project's files
                }
                checked++;
                String problem = problem(doc, target);
                if (problem != null) {
                    broken.add(root.relativize(doc) + ": " + target + " — " + problem);
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked >= 10, "links were found and checked: " + checked);
    }

    @Test
    void anchorsAreGitHubs() {
        assertEquals(Set.of("the-agent", "json-summary-schema", "attach-to-a-running-jvm",
                "reports-from-any-jfr", "jdk-mission-control-jmc-and-plain-jfr"),
                anchors("# The agent\n## JSON summary schema\n### Attach to a running JVM\n"
                        + "## Reports from any `.jfr`\n## JDK Mission Control (JMC) and plain JFR\n"));
    }

    private static String problem(Path doc, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (hash >= 0) {
            if (!resolved.toString().endsWith(".md")) {
                return "an anchor into a file that is not Markdown";
            }
            String anchor = target.substring(hash + 1);
            if (!anchors(Files.readString(resolved, StandardCharsets.UTF_8)).contains(anchor)) {
                return "no heading with the anchor #" + anchor;
            }
        }
        return null;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped but for '-' and '_', spaces to '-'. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Matcher h = HEADING.matcher(withoutCode(markdown));
        while (h.find()) {
            String text = h.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
            String base = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            String anchor = base;
            for (int n = 1; !anchors.add(anchor); n++) {
                anchor = base + "-" + n;
            }
        }
        return anchors;
    }

    /** The text with fenced code blocks blanked: a link or heading shown as code is neither. */
    private static String withoutCode(String markdown) {
        StringBuilder b = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                b.append('\n');
                continue;
            }
            b.append(fenced ? "" : line).append('\n');
        }
        return b.toString();
    }
}
