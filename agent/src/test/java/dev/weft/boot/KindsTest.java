package dev.weft.boot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.model.WaitKinds;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** Every kind the agent writes is one of the reports' {@link WaitKinds}: one list, not two. */
class KindsTest {

    @Test
    void everyKindTheAgentWritesIsKnownToTheReports() throws Exception {
        int checked = 0;
        for (Field f : Kinds.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String kind = (String) f.get(null);
                assertTrue(WaitKinds.of(kind) != null, kind + " is not in WaitKinds");
                checked++;
            }
        }
        assertTrue(checked >= 17, "all constants seen: " + checked);
    }
}
