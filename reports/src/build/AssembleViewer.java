import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Assembles Weft's pages from the viewer's parts: each page shell of the viewer's source folder
 * ({@code timeline.html}, the report HtmlRenderer fills; {@code live.html}, the watcher's live page), with
 * each {@code @include} line replaced by the part it names (a style sheet, a piece of markup, a script),
 * indented as the line was. Pages share parts: the live page draws wait kinds in the report's colours.
 *
 * <p>A build step, not part of the product; the build runs it as a single-file program:
 * {@code java AssembleViewer.java <viewer folder> <shell> <page to write> [<shell> <page to write> …]}
 * ({@code <viewer folder> <page to write>} assembles {@code timeline.html}). It fails the build when a
 * part is missing, named twice in a page, outside the folder, includes another part, or is in the folder
 * but included by no page (a part that is never included would silently not run).
 */
public final class AssembleViewer {

    /** The include line, in the comment syntax of HTML, CSS or JavaScript. */
    static final Pattern INCLUDE = Pattern.compile("^(\\s*)(?:<!--|/\\*|//)\\s*@include\\s+(\\S+?)\\s*(?:-->|\\*/)?\\s*$");
    static final String SHELL = "timeline.html";

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || (args.length > 2 && args.length % 2 == 0)) {
            System.err.println("usage: java AssembleViewer.java <viewer folder> [<shell>] <page to write> [<shell> <page to write> …]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> pairs = args.length == 2 ? List.of(SHELL, args[1]) : List.of(args).subList(1, args.length);
        try {
            Set<Path> used = new LinkedHashSet<>();
            List<Path> shells = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i += 2) {
                Path out = Path.of(pairs.get(i + 1));
                shells.add(dir.resolve(pairs.get(i)).normalize());
                String page = assemble(dir, pairs.get(i), used);
                if (out.getParent() != null) {
                    Files.createDirectories(out.getParent());
                }
                Files.writeString(out, page, StandardCharsets.UTF_8);
            }
            checkAllUsed(dir, shells, used);
        } catch (IllegalArgumentException e) {
            System.err.println("viewer: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The page of {@code timeline.html} alone, every part of the folder included by it. */
    static String assemble(Path dir) throws IOException {
        Set<Path> used = new LinkedHashSet<>();
        String page = assemble(dir, SHELL, used);
        checkAllUsed(dir, List.of(dir.resolve(SHELL)), used);
        return page;
    }

    /** The page of shell {@code shell}; the parts it includes are added to {@code used}. */
    static String assemble(Path dir, String shell, Set<Path> used) {
        Set<Path> mine = new LinkedHashSet<>();
        StringBuilder page = new StringBuilder();
        for (String line : read(dir.resolve(shell)).split("\n", -1)) {
            Matcher m = INCLUDE.matcher(line);
            if (!m.matches()) {
                page.append(line).append('\n');
                continue;
            }
            Path part = dir.resolve(m.group(2)).normalize();
            if (!part.startsWith(dir) || !Files.isRegularFile(part)) {
                throw new IllegalArgumentException(shell + " includes " + m.group(2) + ", which is not a file of " + dir);
            }
            if (!mine.add(part)) {
                throw new IllegalArgumentException(shell + " includes " + m.group(2) + " twice");
            }
            used.add(part);
            String text = read(part);
            for (String partLine : text.split("\n", -1)) {
                if (INCLUDE.matcher(partLine).matches()) {
                    throw new IllegalArgumentException(m.group(2) + " includes another part; only a page shell may");
                }
            }
            for (String partLine : stripFinalNewline(text).split("\n", -1)) {
                page.append(partLine.isEmpty() ? "" : m.group(1)).append(partLine).append('\n');
            }
        }
        // the shell's own final newline
        return stripFinalNewline(page.toString()) + "\n";
    }

    /** Fails when a part of the folder is included by none of the shells assembled. */
    static void checkAllUsed(Path dir, List<Path> shells, Set<Path> used) throws IOException {
        List<Path> unused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(js|css|html)$"))
                    .filter(p -> !shells.contains(p.normalize()) && !used.contains(p.normalize()))
                    .sorted()
                    .forEach(unused::add);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("parts included by no page (" + shells + "): " + unused);
        }
    }

    private static String stripFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static String read(Path file) {
        try {
            // the HTML parser turns CR LF into LF before hashing a script, and so does HtmlRenderer
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
