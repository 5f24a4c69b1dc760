package dev.weft.reports.live;

import dev.weft.reports.analyse.Analysis;

/**
 * One refresh of the live view: the window's model, analysed as any report is, and what it says
 * about now.
 *
 * @param analysis    the window, analysed
 * @param state       who runs, who is blocked and who is idle at its end
 * @param windowMillis how much time the window holds (shortened when the events would not fit in memory)
 */
public record LiveView(Analysis analysis, LiveState state, long windowMillis) {
}
