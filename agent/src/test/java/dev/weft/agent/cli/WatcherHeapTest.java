package dev.weft.agent.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatcherHeapTest {

    @Test
    void aHeapOptionOnTheCommandLineIsTheUsersChoice() {
        assertTrue(WatcherHeap.chosen(List.of("-Xmx512m")));
        assertTrue(WatcherHeap.chosen(List.of("-Dx=y", "-XX:MaxHeapSize=1g")));
        assertTrue(WatcherHeap.chosen(List.of("-XX:MaxRAMPercentage=10")));
        assertTrue(WatcherHeap.chosen(List.of("-XX:MaxRAM=2g")));
    }

    @Test
    void otherOptionsLeaveTheHeapToTheWatcher() {
        assertFalse(WatcherHeap.chosen(List.of()));
        assertFalse(WatcherHeap.chosen(List.of("-Xms1g", "-Xss512k", "-XX:+UseSerialGC", "-Dweft.Xmx=1")));
    }
}
