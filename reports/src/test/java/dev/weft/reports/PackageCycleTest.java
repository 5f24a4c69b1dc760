package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The library's packages form layers, no cycle: read and analyse on model, render on those, the root
 * entry points and the CLI on top. Read from the sources' imports (same-package use needs none).
 */
class PackageCycleTest {

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(dev\\.weft\\.reports(?:\\.[a-z]+)*)\\.[A-Z]",
            Pattern.MULTILINE);

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources), "run from the reports module: " + sources.toAbsolutePath());
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = sources.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        uses.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        assertTrue(uses.containsKey("dev.weft.reports.cli"), "imports were found: " + uses);
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            if (reaches(uses, start, start, new TreeSet<>())) {
                cycles.add(start + " -> " + uses.get(start));
            }
        }
        assertEquals(List.of(), cycles, "packages on a cycle");
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(uses, next, target, seen))) {
                return true;
            }
        }
        return false;
    }
}
