package dev.weft.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsTest {

    @Test
    void defaultsMatchTheDocumentedOnes() {
        var options = Options.parse();
        assertEquals(new Options("all", 3, 3, 10_000, 300, 200, Work.SLEEP), options);
        assertEquals(Options.DEFAULTS, options);
    }

    @Test
    void everyOptionIsRead() {
        var options = Options.parse("--scenario=2", "--tasks=5", "--sequential=4", "--virtual=123",
                "--millis=40", "--virtual-millis=7", "--work=cpu");
        assertEquals(new Options("2", 5, 4, 123, 40, 7, Work.CPU), options);
    }

    @Test
    void eachOptionAloneChangesOnlyItself() {
        assertEquals("4", Options.parse("--scenario=4").scenario());
        assertEquals(9, Options.parse("--tasks=9").tasks());
        assertEquals(1, Options.parse("--sequential=1").sequential());
        assertEquals(WaitGroup.MAX_COUNT, Options.parse("--virtual=" + WaitGroup.MAX_COUNT).virtual());
        assertEquals(0, Options.parse("--millis=0").millis());
        assertEquals(1000, Options.parse("--virtual-millis=1000").virtualMillis());
        assertEquals(Work.SLEEP, Options.parse("--work=sleep").work());
        assertEquals(new Options("all", 3, 3, 10_000, 50, 200, Work.SLEEP), Options.parse("--millis=50"));
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
