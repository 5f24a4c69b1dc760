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
    void theScriptKeepsAClassArchiveAsClassArchiveDoes() throws Exception {
        String script = Files.readString(GeneratedDocs.root().resolve("weft"), StandardCharsets.UTF_8);
        for (String same : List.of("-ge " + ClassArchive.FIRST_RELEASE, "lib/server/classes.jsa", "-w \"$dir\"",
                "\"-XX:SharedArchiveFile=$archive\"", "\"-XX:ArchiveClassesAtExit=$ARCHIVE_WRITTEN\"",
                "-Xlog:cds=off -Xlog:cds+dynamic=off", "\"$archive\" -nt \"$REPORTS\"", "rm -f \"$archive\"",
                "$rc -eq 0 && -f \"$ARCHIVE_WRITTEN\" ]]; then mv -f")) {
            assertTrue(script.contains(same), "the weft script has " + same);
        }
        assertEquals(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                ClassArchive.prepare(25, Path.of(System.getProperty("java.home")), Files.createTempDirectory("ca")
                        .resolve("a.jsa"), Path.of("pom.xml")).options().subList(1, 3));
    }
}
