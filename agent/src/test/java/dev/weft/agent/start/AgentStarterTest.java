package dev.weft.agent.start;

import dev.weft.agent.AgentOptions;
import dev.weft.reports.recover.RecordingMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentStarterTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRecordingInTheSameSecondGetsItsOwnFiles() throws Exception {
        assertEquals("app-1", AgentStarter.unusedBase(dir, "app-1"));
        Files.createFile(dir.resolve("app-1.jfr"));
        assertEquals("app-1-2", AgentStarter.unusedBase(dir, "app-1"));
        Files.createFile(dir.resolve("app-1-2.html"));
        assertEquals("app-1-3", AgentStarter.unusedBase(dir, "app-1"));
    }

    @Test
    void theAgentNamesTheFilesItReadsWhileItRecordsAbsoluteAndAsTheWorkingDirectorySeesThem() {
        Path cache = Path.of("").toAbsolutePath().resolve("target/some-cache");
        String own = AgentStarter.ownFiles(AgentOptions.parse("cache=" + cache));
        assertTrue(own.lines().anyMatch(l -> l.equals(cache.toString())), own);
        assertTrue(own.lines().anyMatch(l -> l.equals(Path.of("target", "some-cache").toString())),
                "relative to the working directory too: " + own);
        assertTrue(own.lines().anyMatch(l -> l.equals(RecordingMarker.directory().toAbsolutePath().toString())), own);
        assertTrue(own.lines().allMatch(l -> !l.isBlank()), own);
    }
}
