package dev.weft.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsEveryOptionAndEveryScenariosStory() throws InterruptedException {
        for (String help : new String[] {"--help", "-h"}) {
            out.reset();
            assertEquals(0, run("--tasks=2", help));
            for (String option : new String[] {"--scenario=1|2|3|4|all", "--tasks=N", "--sequential=N",
                    "--virtual=N", "--millis=N", "--virtual-millis=N", "--work=sleep|cpu"}) {
                assertTrue(out().contains(option), "help lacks " + option);
            }
            for (Lesson lesson : Lesson.values()) {
                assertTrue(out().contains(lesson.number + "  " + lesson.story), "help lacks scenario " + lesson.number);
            }
        }
        assertEquals("", err());
    }

    @Test
    void aBadOptionPrintsOneLineAndAHintAndExitsWith2() throws InterruptedException {
        assertEquals(2, run("--tasks=none"));
        String[] lines = err().strip().split("\\R");
        assertEquals(2, lines.length, err());
        assertTrue(lines[0].contains("--tasks"), lines[0]);
        assertTrue(lines[1].contains("--help"), lines[1]);
        assertEquals("", out(), "nothing may run after a bad option");
    }

    @Test
    void aScenarioRunIsFramedByTheTutorialsLines() throws InterruptedException {
        assertEquals(0, run("--scenario=1", "--sequential=1", "--millis=0"));
        String[] lines = out().strip().split("\\R");
        assertEquals("Main function started", lines[0]);
        assertTrue(out().contains("== Scenario 1: sequential — 1 workload in line on main =="), out());
        assertTrue(out().contains("-- Scenario 1 took "), out());
        assertEquals("Main function finished", lines[lines.length - 1]);
    }
}
