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
 * Assembles Weft's viewer into the single offline template that HtmlRenderer fills: the page shell
 * {@code timeline.html} of the viewer's source folder, with each {@code @include} line replaced by the
 * part it names (a style sheet, a piece of markup, a script), indented as the line was.
 *
 * <p>A build step, not part of the product; the build runs it as a single-file program:
 * {@code java AssembleViewer.java <viewer folder> <template to write>}. It fails the build when a part
 * is missing, named twice, outside the folder, includes another part, or is in the folder but never
 * included (a part that is never included would silently not run).
 */
public final class AssembleViewer {

    /** The include line, in the comment syntax of HTML, CSS or JavaScript. */
    static final Pattern INCLUDE = Pattern.compile("^(\\s*)(?:<!--|/\\*|//)\\s*@include\\s+(\\S+?)\\s*(?:-->|\\*/)?\\s*$");
    static final String SHELL = "timeline.html";

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java AssembleViewer.java <viewer folder> <template to write>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]);
        try {
            String page = assemble(dir);
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, page, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            System.err.println("viewer: " + e.getMessage());
            System.exit(1);
        }
    }

    static String assemble(Path dir) throws IOException {
        Set<Path> used = new LinkedHashSet<>();
        StringBuilder page = new StringBuilder();
        for (String line : read(dir.resolve(SHELL)).split("\n", -1)) {
            Matcher m = INCLUDE.matcher(line);
            if (!m.matches()) {
                page.append(line).append('\n');
                continue;
            }
            Path part = dir.resolve(m.group(2)).normalize();
            if (!part.startsWith(dir) || !Files.isRegularFile(part)) {
                throw new IllegalArgumentException(SHELL + " includes " + m.group(2) + ", which is not a file of " + dir);
            }
            if (!used.add(part)) {
                throw new IllegalArgumentException(SHELL + " includes " + m.group(2) + " twice");
            }
            String text = read(part);
            for (String partLine : text.split("\n", -1)) {
                if (INCLUDE.matcher(partLine).matches()) {
                    throw new IllegalArgumentException(m.group(2) + " includes another part; only " + SHELL + " may");
                }
            }
            for (String partLine : stripFinalNewline(text).split("\n", -1)) {
                page.append(partLine.isEmpty() ? "" : m.group(1)).append(partLine).append('\n');
            }
        }
        List<Path> unused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(js|css|html)$"))
                    .filter(p -> !p.equals(dir.resolve(SHELL)) && !used.contains(p.normalize()))
                    .sorted()
                    .forEach(unused::add);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("parts never included by " + SHELL + ": " + unused);
        }
        // the shell's own final newline
        return stripFinalNewline(page.toString()) + "\n";
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
