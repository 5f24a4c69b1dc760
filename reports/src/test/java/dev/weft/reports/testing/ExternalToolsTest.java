package dev.weft.reports.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class ExternalToolsTest {

    @TempDir
    Path dir;

    private Path program(String relative) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        assertTrue(p.toFile().setExecutable(true));
        return p;
    }

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    @Test
    void theEnvironmentVariableWinsAndAWrongOneIsReportedNotPassedOver() throws Exception {
        Path mine = program("mine/chrome");
        Path onPath = program("bin/chromium");
        String path = onPath.getParent().toString();
        ExternalTools.Found f = ExternalTools.find("Chromium", "weft.test.none", "X_CHROMIUM",
                Map.of("X_CHROMIUM", mine.toString(), "PATH", path), NAMES, List.of(), "hint");
        assertEquals(mine, f.path());
        ExternalTools.Found wrong = ExternalTools.find("Chromium", "weft.test.none", "X_CHROMIUM",
                Map.of("X_CHROMIUM", dir.resolve("nope").toString(), "PATH", path), NAMES, List.of(), "hint");
        assertFalse(wrong.present(), "a wrong explicit path is not silently replaced by another browser");
        assertTrue(wrong.problem().contains("X_CHROMIUM=") && wrong.problem().contains("not an executable"), wrong.problem());
    }

    @Test
    void thePathIsSearchedForEveryUsualNameInItsOrder() throws Exception {
        Path ubuntu = program("a/chromium-browser");
        Path chrome = program("b/google-chrome");
        Files.writeString(dir.resolve("a/chromium"), "not executable");
        String path = ubuntu.getParent() + File.pathSeparator + chrome.getParent();
        ExternalTools.Found f = ExternalTools.find("Chromium", "weft.test.none", "X_CHROMIUM", Map.of("PATH", path), NAMES,
                List.of(), "hint");
        assertEquals(ubuntu, f.path(), "the first PATH entry that has one of the names");
        f = ExternalTools.find("Chromium", "weft.test.none", "X_CHROMIUM", Map.of("PATH", chrome.getParent().toString()),
                NAMES, List.of(), "hint");
        assertEquals(chrome, f.path());
    }

    @Test
    void thenTheUsualPlacesAndElseAMessageThatSaysWhatToDo() throws Exception {
        Path place = program("opt/google/chrome/chrome");
        ExternalTools.Found f = ExternalTools.find("Chromium", "weft.test.none", "X_CHROMIUM", Map.of("PATH", ""), NAMES,
                List.of(dir.resolve("missing/chrome").toString(), place.toString()), "hint");
        assertEquals(place, f.path());
        ExternalTools.Found none = ExternalTools.find("Chromium", "weft.test.none", "X_CHROMIUM", Map.of(), NAMES,
                List.of(dir.resolve("missing/chrome").toString()), "apt-get install chromium");
        assertNull(none.path());
        assertTrue(none.problem().contains("X_CHROMIUM") && none.problem().contains("apt-get install chromium"), none.problem());
    }

    @Test
    void theSystemPropertyComesFirst() throws Exception {
        Path mine = program("prop/chromium");
        System.setProperty("weft.test.chromium", mine.toString());
        try {
            ExternalTools.Found f = ExternalTools.find("Chromium", "weft.test.chromium", "X_CHROMIUM",
                    Map.of("X_CHROMIUM", dir.resolve("nope").toString()), NAMES, List.of(), "hint");
            assertEquals(mine, f.path());
        } finally {
            System.clearProperty("weft.test.chromium");
        }
    }

    @Test
    void aMissingToolIsAFailureUnderCiAndOtherwiseASkipAnnouncedOnce() {
        ExternalTools.Found missing = new ExternalTools.Found("node", null, "not found; install it");
        ExternalTools.Found here = new ExternalTools.Found("java", Path.of("java"), null);
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(banner, true, StandardCharsets.UTF_8);
        assertNull(ExternalTools.check("pretend tests", true, err, here), "nothing missing: no reason, under CI too");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> ExternalTools.check("pretend tests", true, err, here, missing));
        assertTrue(failure.getMessage().contains("CI=true") && failure.getMessage().contains("node: not found; install it"),
                failure.getMessage());
        assertEquals("", banner.toString(StandardCharsets.UTF_8), "under CI the failure says it all");

        String tests = "pretend tests " + System.nanoTime();
        assertEquals(tests + " cannot run: node: not found; install it", ExternalTools.check(tests, false, err, here, missing));
        String said = banner.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("[weft] SKIPPED " + tests) && said.contains("[weft]   node: not found; install it"), said);
        ExternalTools.check(tests, false, err, missing);
        assertEquals(said, banner.toString(StandardCharsets.UTF_8), "the banner once, not once a test");
    }
}
