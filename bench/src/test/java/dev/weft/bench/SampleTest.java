package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        Sample s = sample(9, 1, 5);
        assertEquals(5, s.median());
        assertEquals(1, s.min());
        assertEquals(9, s.max());
    }

    @Test
    void medianOfAnEvenCountLiesHalfwayBetweenTheMiddleTwo() {
        assertEquals(2.5, sample(4, 1, 3, 2).median());
    }

    @Test
    void describeGivesTheMedianAndTheRange() {
        assertEquals("5 ms (1–9)", sample(1, 5, 9).describe("ms"));
    }

    @Test
    void anEmptySampleSaysSoInsteadOfFailing() {
        Sample s = new Sample();
        assertTrue(Double.isNaN(s.median()));
        assertEquals("—", s.describe("ms"));
    }

    private static Sample sample(double... values) {
        Sample s = new Sample();
        for (double v : values) {
            s.add(v);
        }
        return s;
    }
}
