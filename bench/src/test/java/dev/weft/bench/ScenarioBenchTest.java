package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScenarioBenchTest {

    @Test
    void readsTheScenarioTimeTheDemoPrints() {
        String out = "Main function started\n\n-- Scenario 4 took 356 ms (expected: about one workload)\n";
        assertEquals(356, ScenarioBench.scenarioMillis(out));
    }

    @Test
    void outputWithoutTheLineIsAnErrorNotAZero() {
        assertThrows(IllegalStateException.class, () -> ScenarioBench.scenarioMillis("-- Scenario 2 took 5 ms"));
    }
}
