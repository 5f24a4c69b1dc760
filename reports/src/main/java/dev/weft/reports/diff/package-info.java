/**
 * Two recordings compared: phases matched by name (then by order), threads and groups of threads
 * matched by name, and {@link dev.weft.reports.diff.Figures}, the one place that turns an
 * {@link dev.weft.reports.analyse.Analysis} into the figures the diff and weft-junit report.
 */
package dev.weft.reports.diff;
