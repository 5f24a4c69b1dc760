package example;

import dev.weft.junit.WeftExtension;
import dev.weft.junit.WeftRecorder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Not isolated: under parallel execution its runs could overlap other tests, so Weft refuses it. */
@ExtendWith(WeftExtension.class)
class RefusedTest {

    @Test
    void wouldRecord(WeftRecorder weft) throws Exception {
        weft.run("never", () -> { });
    }
}
