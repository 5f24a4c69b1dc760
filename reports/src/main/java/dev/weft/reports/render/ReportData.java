package dev.weft.reports.render;

import dev.weft.reports.analyse.Analysis;

import java.io.IOException;

/** The report's data block (the format {@link DataWriter} documents), for pages that embed it elsewhere: the live page. */
public final class ReportData {

    private ReportData() {
    }

    /** Writes the data of {@code analysis} as one JSON value into {@code json}. */
    public static void write(Analysis analysis, JsonWriter json, String generator) throws IOException {
        DataWriter.write(analysis, json, generator);
    }
}
