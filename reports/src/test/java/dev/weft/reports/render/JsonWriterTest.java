package dev.weft.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aPageWritesTheSameTextAsAnyWriterAndDoublesRoundToFourDecimals() throws IOException {
        java.util.Random random = new java.util.Random(3);
        long[] longs = Utf8WriterTest.edgeNumbers();
        StringWriter plain = new StringWriter();
        java.io.ByteArrayOutputStream page = new java.io.ByteArrayOutputStream();
        Utf8Writer pageWriter = new Utf8Writer(page);
        JsonWriter a = new JsonWriter(plain);
        JsonWriter b = new JsonWriter(pageWriter);
        List<Double> doubles = new java.util.ArrayList<>(List.of(0.0, -0.0, 1e-4, 4e-5, 5e-5, -5e-5, 0.6119, 1.0 / 3,
                -2.5, 99_999.99995, 1e13 + 0.5, 1e14 + 0.5, 1e16, 0.1 + 0.2));
        for (int i = 0; i < 20_000; i++) {
            doubles.add((random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(18) - 6));
        }
        for (JsonWriter j : List.of(a, b)) {
            j.beginObject().name("longs").beginArray();
            for (long v : longs) {
                j.value(v);
            }
            j.endArray().name("doubles").beginArray();
            for (double d : doubles) {
                j.value(d);
            }
            j.endArray().name("decimals").beginArray().decimal(-1_234_567, 3).decimal(5, 4).endArray().endObject();
        }
        pageWriter.flush();
        String text = plain.toString();
        String pageText = page.toString(java.nio.charset.StandardCharsets.UTF_8);
        int differ = java.util.Arrays.mismatch(text.toCharArray(), pageText.toCharArray());
        assertEquals(-1, differ, () -> "the page's text differs at " + differ + ": "
                + pageText.substring(Math.max(0, differ - 40), Math.min(pageText.length(), differ + 40)));
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) Json.parse(text);
        @SuppressWarnings("unchecked")
        List<Object> written = (List<Object>) parsed.get("doubles");
        for (int i = 0; i < doubles.size(); i++) {
            double rounded = Math.round(doubles.get(i) * 10_000.0) / 10_000.0;
            assertEquals(rounded, ((Number) written.get(i)).doubleValue(), 0.0, "the double " + doubles.get(i));
        }
        assertTrue(text.contains("\"doubles\":[0,0,0.0001,") && text.contains(",0.6119,0.3333,-2.5,"),
                "small numbers in plain decimals, not as 1.0E-4: " + text.substring(text.indexOf("\"doubles\"")).substring(0, 80));
    }
}
