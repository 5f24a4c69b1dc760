package dev.weft.reports.render;

import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.io.AtomicFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes the HTML timeline: the template resource {@code timeline.html} up to the data marker,
 * then the data as JSON, then the rest of the template. The template opens in a browser as it is,
 * showing a "no data" state. The build assembles it from the viewer's parts in {@code src/main/viewer}
 * (see the README there); {@link PageTemplate} checks it and allows its one script and one style
 * element, by hash, in the written page's Content-Security-Policy.
 */
public final class HtmlRenderer {

    /** The placeholder in the template's {@code weft-data} script element that the data replaces. */
    public static final String MARKER = PageTemplate.MARKER;
    /** The template resource, next to this class. */
    public static final String TEMPLATE = "timeline.html";

    private HtmlRenderer() {
    }

    /**
     * Writes the report to {@code html} whole or not at all (see {@link AtomicFile}) and returns its size
     * in bytes.
     */
    public static long write(Analysis analysis, Path html, String generator) throws IOException {
        return AtomicFile.write(html, out -> write(analysis, out, generator));
    }

    /** Streams the report to {@code out} (not closed) and returns the bytes written. */
    public static long write(Analysis analysis, OutputStream out, String generator) throws IOException {
        return ViewerPage.TIMELINE.template().write(out, json -> DataWriter.write(analysis, json, generator));
    }
}
