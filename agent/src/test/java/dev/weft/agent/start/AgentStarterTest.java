package dev.weft.agent.start;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
