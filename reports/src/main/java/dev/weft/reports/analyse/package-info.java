/**
 * What the timeline means: phases with wall time, summed work and speed-up, a non-overlapping
 * per-thread breakdown, parallelism over time and waiting by kind. The definitions are in
 * {@link dev.weft.reports.analyse.Analyser}.
 */
package dev.weft.reports.analyse;
