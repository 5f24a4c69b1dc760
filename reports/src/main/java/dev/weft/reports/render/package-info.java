/**
 * Renders an {@link dev.weft.reports.analyse.Analysis}: the single-file HTML timeline (a template
 * resource, {@code timeline.html}, with the data streamed in as JSON) and a text summary.
 */
package dev.weft.reports.render;
