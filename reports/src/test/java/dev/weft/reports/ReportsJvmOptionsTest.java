package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.docs.GeneratedDocs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
}
