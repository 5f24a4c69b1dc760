package dev.weft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.model.Model;
import dev.weft.reports.read.JfrReader;
import dev.weft.reports.read.RecordingException;
import dev.weft.reports.testing.DemoRecording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A report whose model runs out of memory is made once more in a quarter of the heap the model may take,
 * and says so; a second failure is the one-line "not enough memory". The out-of-memory errors here are
 * thrown by the model's source, not by a full heap: what is tested is what the entry points do with them.
 */
class OutOfMemoryRetryTest {

    @RegisterExtension
    static final DemoRecording DEMO = new DemoRecording();

    /** Reads the recording for real, except that the attempts listed fail as if the heap were full. */
    private static final class Source implements Reports.ModelSource {
        final List<Integer> divisors = new ArrayList<>();
        final int failures;

        Source(int failures) {
            this.failures = failures;
        }

        @Override
        public Model read(Path jfr, int divisor, boolean afterOutOfMemory) throws RecordingException {
            assertEquals(!divisors.isEmpty(), afterOutOfMemory, "only a reading after one that failed says so");
            divisors.add(divisor);
            if (divisors.size() <= failures) {
                throw new OutOfMemoryError("Java heap space");
            }
            return JfrReader.read(jfr, divisor, afterOutOfMemory);
        }
    }

    @Test
    void aModelThatRunsOutOfMemoryIsReadAgainInAQuarterOfItsHeap() throws Exception {
        Source source = new Source(1);
        Analysis analysis = Reports.analyse(DEMO.jfr(), null, 1, source);
        assertEquals(List.of(1, Reports.RETRY_DIVISOR), source.divisors);
        assertTrue(analysis.model().warnings().stream().anyMatch(w -> w.startsWith("a first reading ran out of "
                + "memory: this one gave the model a quarter of the room it first had")), analysis.model().warnings().toString());
        assertFalse(analysis.model().threads().isEmpty(), "the second reading has the demo's threads");
    }

    @Test
    void aReportIsWrittenFromTheSecondAttemptAndSaysWhy() throws Exception {
        Source source = new Source(1);
        Path html = DEMO.resolve("retried.html");
        ReportSummary summary = Reports.writeHtml(DEMO.jfr(), html, null, source);
        assertEquals(List.of(1, Reports.RETRY_DIVISOR), source.divisors);
        assertTrue(summary.platformThreads() > 0);
        assertTrue(Files.readString(html).contains("a first reading ran out of memory"), "the page carries the note");
    }

    @Test
    void aSecondFailureIsNotEnoughMemoryInOneLine() {
        Source source = new Source(2);
        ReportException e = assertThrows(ReportException.class, () -> Reports.analyse(DEMO.jfr(), null, 1, source));
        assertEquals(List.of(1, Reports.RETRY_DIVISOR), source.divisors, "two attempts, no more");
        assertTrue(e.getMessage().startsWith("not enough memory for a report of "), e.getMessage());
        assertTrue(e.getMessage().endsWith("give the JVM a larger heap (-Xmx)"), e.getMessage());
    }

    @Test
    void eachOfTwoAnalysesHeldAtOnceReadsIntoHalfTheRoomAndItsRetryIntoAnEighth() throws Exception {
        Source source = new Source(1);
        Analysis analysis = Reports.analyse(DEMO.jfr(), null, 2, source);
        assertEquals(List.of(2, 2 * Reports.RETRY_DIVISOR), source.divisors);
        assertFalse(analysis.model().threads().isEmpty());
    }

    @Test
    void outOfMemoryThatLessOfAModelCannotHelpIsNotRetried() {
        Reports.ModelSource threads = (jfr, divisor, again) -> {
            throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource "
                    + "limits reached");
        };
        ReportException e = assertThrows(ReportException.class, () -> Reports.analyse(DEMO.jfr(), null, 1, threads));
        assertTrue(e.getMessage().endsWith(": unable to create native thread: possibly out of memory or process/"
                + "resource limits reached"), e.getMessage());
        assertTrue(Reports.heapFull(new OutOfMemoryError("Java heap space")));
        assertTrue(Reports.heapFull(new OutOfMemoryError("GC overhead limit exceeded")));
        assertFalse(Reports.heapFull(new OutOfMemoryError("Metaspace")));
    }

    @Test
    void aClassThatCouldNotBeInitialisedTheFirstTimeIsNotEnoughMemoryNotAnInternalError() {
        Reports.ModelSource source = (jfr, divisor, again) -> {
            if (!again) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw new NoClassDefFoundError("Could not initialize class dev.weft.reports.render.JsonWriter");
        };
        ReportException e = assertThrows(ReportException.class, () -> Reports.analyse(DEMO.jfr(), null, 1, source));
        assertTrue(e.getMessage().startsWith("not enough memory for a report of "), e.getMessage());
    }

    @Test
    void aReadingThatSucceedsIsReadOnceWithTheWholeShare() throws Exception {
        Source source = new Source(0);
        Analysis analysis = Reports.analyse(DEMO.jfr(), null, 1, source);
        assertEquals(List.of(1), source.divisors);
        assertTrue(analysis.model().warnings().stream().noneMatch(w -> w.contains("ran out of memory")));
    }
}
