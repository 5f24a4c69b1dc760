package dev.weft.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsTest {

    /**
     * Every option --help lists states its default, and giving that default explicitly changes nothing:
     * the help text and the parser cannot drift apart. Read from the help, not copied into this test.
     */
    @Test
    void theDefaultsTheHelpStatesAreTheParsersOwn() {
        String help = Main.usage();
        Matcher option = Pattern.compile("(?m)^  (--[a-z-]+)=\\S+").matcher(help);
        List<String> options = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        while (option.find()) {
            options.add(option.group(1));
            at.add(option.start());
        }
        assertEquals(List.of("--scenario", "--tasks", "--sequential", "--virtual", "--millis", "--virtual-millis",
                "--work"), options, "the options --help lists");
        at.add(help.indexOf("-h, --help"));
        for (int i = 0; i < options.size(); i++) {
            String entry = help.substring(at.get(i), at.get(i + 1));
            Matcher stated = Pattern.compile("\\(default ([^,;)]+)").matcher(entry);
            assertTrue(stated.find(), options.get(i) + " states no default: " + entry);
            String arg = options.get(i) + "=" + stated.group(1).strip();
            assertEquals(Options.parse(), Options.parse(arg), arg + " is not the default");
        }
    }

    /** Each option sets its own field and leaves every other one at its default. */
    @ParameterizedTest
    @CsvSource({"--scenario=4, scenario", "--tasks=9, tasks", "--sequential=1, sequential", "--virtual=7, virtual",
            "--millis=0, millis", "--virtual-millis=1000, virtualMillis", "--work=cpu, work"})
    void eachOptionChangesOnlyItsOwnField(String arg, String field) throws ReflectiveOperationException {
        Options defaults = Options.parse();
        Options parsed = Options.parse(arg);
        for (RecordComponent c : Options.class.getRecordComponents()) {
            Object before = c.getAccessor().invoke(defaults);
            Object after = c.getAccessor().invoke(parsed);
            if (c.getName().equals(field)) {
                assertNotEquals(before, after, arg + " did not change " + field);
            } else {
                assertEquals(before, after, arg + " changed " + c.getName());
            }
        }
    }

    @Test
    void everyOptionIsRead() {
        var options = Options.parse("--scenario=2", "--tasks=5", "--sequential=4", "--virtual=123",
                "--millis=40", "--virtual-millis=7", "--work=cpu");
        assertEquals(new Options("2", 5, 4, 123, 40, 7, Work.CPU), options);
    }

    @Test
    void theLimitsAreAccepted() {
        assertEquals(WaitGroup.MAX_COUNT, Options.parse("--virtual=" + WaitGroup.MAX_COUNT).virtual());
        assertEquals(WaitGroup.MAX_COUNT, Options.parse("--tasks=" + WaitGroup.MAX_COUNT).tasks());
        assertEquals(0, Options.parse("--virtual-millis=0").virtualMillis());
    }

    @Test
    void theLastOccurrenceWins() {
        assertEquals(7, Options.parse("--tasks=2", "--tasks=7").tasks());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--frobnicate=1", "--tasks", "--tasks=", "--tasks=x", "--tasks=0", "--tasks=-3",
            "--tasks=65535", "--virtual=0", "--virtual=100000", "--sequential=0", "--millis=-1",
            "--millis=1.5", "--virtual-millis=soon", "--scenario=5", "--scenario=", "--scenario",
            "--work=gpu", "--work", "extra", "-t"})
    void badOptionsAreRefusedWithAMessageNamingThem(String arg) {
        var e = assertThrows(Options.BadOption.class, () -> Options.parse(arg));
        String named = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        assertTrue(e.getMessage().contains(named), () -> "message '" + e.getMessage() + "' does not name " + named);
    }

    @Test
    void aBadOptionAmongGoodOnesIsStillRefused() {
        assertThrows(Options.BadOption.class, () -> Options.parse("--tasks=2", "--nope", "--millis=3"));
    }
}
