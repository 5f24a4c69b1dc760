/**
 * The live view of a running JVM: JFR's event stream read into the same model the reports use,
 * over a sliding window, and what it says about now — who runs, who is blocked and for how long.
 */
package dev.weft.reports.live;
