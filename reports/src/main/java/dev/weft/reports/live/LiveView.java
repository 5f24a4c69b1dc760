package dev.weft.reports.live;

import dev.weft.reports.analyse.Analyser;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.model.Model;

/**
 * One refresh of the live view: the window's model, what it says about now, and — only when something
 * asks for it (the page does; the terminal and JSON lines do not) — its analysis, as any report has.
 *
 * @param windowMillis how much time the window holds (shortened while the events would not fit)
 */
public record LiveView(Model model, LiveState state, long windowMillis) {

    /**
     * The window analysed, computed at each call: the page asks once per view ({@link LivePage} keeps what
     * it rendered until the next view), the terminal and JSON lines never.
     */
    public Analysis analysis() {
        return Analyser.analyse(model);
    }
}
