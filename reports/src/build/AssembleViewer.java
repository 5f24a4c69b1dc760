import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Assembles Weft's viewer into the offline templates the renderers fill: each page shell at the top of
 * the viewer's source folder ({@code timeline.html}, {@code diff.html}), with each {@code @include} line
 * replaced by the part it names (a style sheet, a piece of markup, a script), indented as the line was.
 * Shells share parts: the diff page draws its lanes with the timeline's scripts.
 *
 * <p>A build step, not part of the product; the build runs it as a single-file program:
 * {@code java AssembleViewer.java <viewer folder> <folder to write the templates to>}. It fails the
 * build when a part is missing, named twice in one shell, outside the folder, includes another part,
 * or is in the folder but included by no shell (a part that is never included would silently not run).
 *
 * <p>Beside each template it writes {@code <page>.sha256}: the SHA-256 of the page's one script and one
 * style element, which the written pages' Content-Security-Policy allows by hash. Hashed here, once, rather
 * than in every report: a fresh JVM spends 50 ms or more on its first SHA-256 of a page this size.
 */
public final class AssembleViewer {

    /** The include line, in the comment syntax of HTML, CSS or JavaScript. */
    static final Pattern INCLUDE = Pattern.compile("^(\\s*)(?:<!--|/\\*|//)\\s*@include\\s+(\\S+?)\\s*(?:-->|\\*/)?\\s*$");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java AssembleViewer.java <viewer folder> <folder to write the templates to>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]);
        try {
            Set<Path> used = new LinkedHashSet<>();
            List<Path> shells = shells(dir);
            if (shells.isEmpty()) {
                throw new IllegalArgumentException("no page shell (*.html) in " + dir);
            }
            Files.createDirectories(out);
            for (Path shell : shells) {
                String name = shell.getFileName().toString();
                String page = assemble(dir, shell, used);
                Files.writeString(out.resolve(name), page, StandardCharsets.UTF_8);
                Files.writeString(out.resolve(name + ".sha256"), "script " + sha256(only(name, page, "<script>"))
                        + "\nstyle " + sha256(only(name, page, "<style>")) + "\n", StandardCharsets.UTF_8);
            }
            checkAllUsed(dir, shells, used);
        } catch (IllegalArgumentException e) {
            System.err.println("viewer: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The page shells: the .html files at the top of the viewer folder, by name. */
    static List<Path> shells(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".html"))
                    .sorted().toList();
        }
    }

    /** The page of one shell; the parts it includes are added to {@code used}. */
    static String assemble(Path dir, Path shellFile, Set<Path> used) throws IOException {
        String shell = shellFile.getFileName().toString();
        Set<Path> mine = new LinkedHashSet<>();
        StringBuilder page = new StringBuilder();
        for (String line : read(shellFile).split("\n", -1)) {
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

    /** Fails when a part of the folder is included by no shell. */
    static void checkAllUsed(Path dir, List<Path> shells, Set<Path> used) throws IOException {
        List<Path> unused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(js|css|html)$"))
                    .filter(p -> !shells.contains(p) && !used.contains(p.normalize()))
                    .sorted()
                    .forEach(unused::add);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("parts never included by any page shell: " + unused);
        }
    }

    /** The text of the page's only element that opens with {@code open} exactly (the data block has attributes). */
    static String only(String shell, String page, String open) {
        int a = page.indexOf(open);
        String close = "</" + open.substring(1);
        if (a < 0 || page.indexOf(open, a + 1) >= 0 || page.indexOf(close, a) < 0) {
            throw new IllegalArgumentException(shell + " must hold exactly one " + open + " element");
        }
        return page.substring(a + open.length(), page.indexOf(close, a));
    }

    static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
