package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/** Runs after BatchTest (classes in name order): what the Weft class left in the JVM. */
class ZzAfterTheClassTest {

    @Test
    void noRecordingRunsAndNoWeftThread() {
        assertEquals(List.of(), FlightRecorder.getFlightRecorder().getRecordings().stream().map(Recording::getName).toList());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("weft")));
    }

    @Test
    void nothingIsRecordedOutsideARun() throws Exception {
        Path jfr = Files.createTempFile("after", ".jfr");
        Instant started;
        try (Recording r = new Recording()) {
            r.enable("weft.Wait");
            r.enable("weft.Workload");
            r.start();
            started = Instant.now();
            Thread.sleep(20);
            Batch.task(5);
            r.stop();
            r.dump(jfr);
        }
        // a wait that began in a run (a pool thread of the test framework's, parked on a timer) is recorded
        // when it ends, and may end now: only what began after the runs counts
        List<String> events = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("weft.Wait") || e.getEventType().getName().equals("weft.Workload"))
                .filter(e -> !e.getStartTime().isBefore(started))
                .map(e -> e.getEventType().getName() + " on " + (e.getThread() == null ? "?" : e.getThread().getJavaName()))
                .toList();
        Files.delete(jfr);
        assertEquals(List.of(), events, "Weft's advice is off between runs");
    }

    @Test
    void theWorkloadHasItsOwnCodeBack() throws Exception {
        // a transformer added last sees a class as the transformers before it left it
        Instrumentation inst = ByteBuddyAgent.getInstrumentation();
        AtomicReference<byte[]> seen = new AtomicReference<>();
        ClassFileTransformer spy = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
                if ("example/Batch".equals(name)) {
                    seen.set(bytes);
                }
                return null;
            }
        };
        inst.addTransformer(spy, true);
        try {
            inst.retransformClasses(Batch.class);
        } finally {
            inst.removeTransformer(spy);
        }
        String code = new String(seen.get(), StandardCharsets.ISO_8859_1);
        assertFalse(code.contains("dev/weft/boot/Workloads"), "no workload advice left in Batch");
    }
}
