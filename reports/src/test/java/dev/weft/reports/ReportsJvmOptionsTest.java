package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.docs.GeneratedDocs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./weft report} runs the reports CLI with the options the exit report's child uses: one list, checked. */
class ReportsJvmOptionsTest {

    @Test
    void theScriptPassesTheReportsJvmOptions() throws Exception {
        String script = Files.readString(GeneratedDocs.root().resolve("weft"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^REPORTS_JVM=\\((.*)\\)$").matcher(script);
        assertTrue(m.find(), "the weft script sets REPORTS_JVM on one line");
        List<String> options = Arrays.asList(m.group(1).trim().split("\\s+"));
        assertEquals(Reports.JVM_OPTIONS, options);
    }

    @Test
    void theScriptKeepsAClassArchiveAsClassArchiveDoes(@TempDir Path dir) throws Exception {
        String script = Files.readString(GeneratedDocs.root().resolve("weft"), StandardCharsets.UTF_8);
        for (String same : List.of("-ge " + ClassArchive.FIRST_RELEASE, "lib/server/classes.jsa",
                "[[ -d \"$dir\" && ! -L \"$dir\" && -w \"$dir\" && -O \"$dir\" && \"$dir\" != *:* ]]",
                "mode=\"$(mode_of \"$dir\")\" && [[ \"${mode:8:1}\" != w ]]",
                "[[ -f \"$archive\" && ! -L \"$archive\" && -O \"$archive\" && \"$archive\" -nt \"$REPORTS\" ]]",
                "[[ \"${mode:5:1}\" != w && \"${mode:8:1}\" != w ]]",
                "(( free >= " + (ClassArchive.MIN_FREE_BYTES >> 10) + " ))", "-mmin +" + ClassArchive.ABANDONED.toMinutes(),
                "\"-XX:SharedArchiveFile=$archive\"", "\"-XX:ArchiveClassesAtExit=$ARCHIVE_WRITTEN\"",
                "ARCHIVE_WRITTEN=\"$archive.$$-$RANDOM$RANDOM.tmp\"", "-Xlog:cds=off -Xlog:cds+dynamic=off",
                "rm -f \"$archive\"", "$rc -eq 0 && -f \"$ARCHIVE_WRITTEN\" ]] && chmod go-w \"$ARCHIVE_WRITTEN\"")) {
            assertTrue(script.contains(same), "the weft script has " + same);
        }
        Path home = Files.createDirectories(dir.resolve("jdk").resolve("lib").resolve("server")).getParent().getParent();
        Files.writeString(home.resolve("lib").resolve("server").resolve("classes.jsa"), "base archive");
        Path jar = Files.writeString(dir.resolve("reports.jar"), "jar");
        assertEquals(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                ClassArchive.prepare(25, home, dir.resolve("a.jsa"), jar).options().subList(1, 3));
    }
}
