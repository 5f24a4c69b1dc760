package dev.weft.agent.start;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AotTrainingTest {

    @Test
    void bothWaysOfRecordingAnAotCacheAreRefused() {
        String jdk25 = AotTraining.refusal("-Xmx1g", "-XX:AOTCacheOutput=app.aot");
        assertTrue(jdk25 != null && jdk25.contains("-XX:AOTCacheOutput=app.aot"), jdk25);
        String jdk24 = AotTraining.refusal("-XX:AOTMode=record", "-XX:AOTConfiguration=app.conf");
        assertTrue(jdk24 != null && jdk24.contains("-XX:AOTMode=record"), jdk24);
        String dynamicCds = AotTraining.refusal("-XX:+AllowArchivingWithJavaAgent", "-XX:ArchiveClassesAtExit=app.jsa");
        assertTrue(dynamicCds != null && dynamicCds.contains("ArchiveClassesAtExit"), dynamicCds);
    }

    @Test
    void usingACacheOrNoneIsNotRefused() {
        // with a cache made earlier the JVM itself declines the cache when an agent is present, and runs
        assertNull(AotTraining.refusal("-XX:AOTCache=app.aot", "-XX:AOTMode=auto"));
        assertNull(AotTraining.refusal());
    }
}
