/**
 * Renders an {@link dev.weft.reports.analyse.Analysis}: the single-file HTML timeline (a template
 * resource, {@code timeline.html}, with the data streamed in as JSON), a text summary, the JSON
 * summary for CI ({@link dev.weft.reports.render.JsonSummary}) and Chrome / Perfetto trace-event JSON
 * ({@link dev.weft.reports.render.TraceWriter}).
 */
package dev.weft.reports.render;
