package dev.weft.reports.render;

import dev.weft.reports.diff.RecordingDiff;
import dev.weft.reports.io.AtomicFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes the HTML diff of two recordings: the template {@code diff.html} (assembled by the build from
 * the viewer's parts, sharing the timeline's) with one data object in it:
 *
 * <pre>
 * format "weft-diff-page", version, generator,
 * before, after   each recording's timeline data, as in the HTML timeline (see DataWriter)
 * diff            the figures of {@code diff --json} (see {@link DiffJson})
 * </pre>
 *
 * The policy, the escaping and the "loads nothing" rule are the timeline's ({@link PageTemplate}).
 */
public final class DiffRenderer {

    /** The template resource, next to this class. */
    public static final String TEMPLATE = "diff.html";

    private DiffRenderer() {
    }

    /** Writes the page to {@code html} whole or not at all and returns its size in bytes. */
    public static long write(RecordingDiff diff, Path html, String generator) throws IOException {
        return AtomicFile.write(html, out -> write(diff, out, generator));
    }

    /** Streams the page to {@code out} (not closed) and returns the bytes written. */
    public static long write(RecordingDiff diff, OutputStream out, String generator) throws IOException {
        return ViewerPage.DIFF.template().write(out, json -> {
            json.beginObject().name("format", "weft-diff-page").name("version", 1).name("generator", generator);
            json.name("before");
            DataWriter.write(diff.before(), json, generator);
            json.name("after");
            DataWriter.write(diff.after(), json, generator);
            json.name("diff");
            DiffJson.write(diff, json, generator);
            json.endObject();
        });
    }
}
