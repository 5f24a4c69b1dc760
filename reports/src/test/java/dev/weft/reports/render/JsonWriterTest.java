package dev.weft.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.reports.testing.Json;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static String quote(String s) throws IOException {
        StringWriter w = new StringWriter();
        JsonWriter.quote(s, w);
        return w.toString();
    }

    @Test
    void escapesWhatCouldCloseTheScriptElement() throws IOException {
        assertEquals("\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\"",
                quote("</script><script>alert(1)</script>"));
        assertEquals("\"a \\u0026 b\"", quote("a & b"));
        assertEquals("\"\\u2028\\u2029\"", quote("\u2028\u2029"));
        assertEquals("\"\\u003c!--\"", quote("<!--"));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() throws IOException {
        assertEquals("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\"", quote("\"\\\n\r\t\b\f\u0000\u001f\u007f"));
    }

    @Test
    void keepsSurrogatePairsAndEscapesLoneSurrogates() throws IOException {
        String thread = "\uD83E\uDDF5"; // U+1F9F5, a spool of thread
        assertEquals("\"" + thread + "\"", quote(thread));
        assertEquals("\"\\ud83e x \\udd75\"", quote("\uD83E x \uDD75"));
        for (String s : List.of(thread, "\uD83E x \uDD75", "caf\u00e9 \u65e5\u672c")) {
            assertEquals(s, Json.parse(quote(s)), "round trip of " + s);
        }
    }

    @Test
    void writesStructureWithCommasInTheRightPlaces() throws IOException {
        StringWriter w = new StringWriter();
        JsonWriter j = new JsonWriter(w);
        j.beginObject().name("a", 1).name("b").beginArray().value(-2).value(3.5).value(Double.NaN).value(true)
                .nullValue().beginObject().endObject().beginArray().endArray().endArray().name("c", "x")
                .name("d", Long.MIN_VALUE).name("e", 1.0 / 3).endObject();
        assertEquals("{\"a\":1,\"b\":[-2,3.5,null,true,null,{},[]],\"c\":\"x\",\"d\":-9223372036854775808,"
                + "\"e\":0.3333}", w.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) Json.parse(w.toString());
        assertEquals("x", parsed.get("c"));
        assertFalse(w.toString().contains(" "));
    }

    @Test
    void decimalsAreExactAndDropTrailingZeros() throws IOException {
        StringWriter w = new StringWriter();
        JsonWriter j = new JsonWriter(w);
        j.beginArray().decimal(12345, 3).decimal(1500, 3).decimal(2000, 3).decimal(0, 3).decimal(7, 3)
                .decimal(-1_234_567, 3).decimal(-5, 3).decimal(42, 0).decimal(Long.MIN_VALUE, 3)
                .decimal(300_000_000_000_004L, 15).endArray();
        assertEquals("[12.345,1.5,2,0,0.007,-1234.567,-0.005,42,-9223372036854775.808,0.300000000000004]",
                w.toString());
        Json.parse(w.toString());
    }
}
