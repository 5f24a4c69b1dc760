package dev.weft.reports.live;

import dev.weft.reports.analyse.Analyser;
import dev.weft.reports.analyse.Analysis;
import dev.weft.reports.model.Model;

/**
 * One refresh of the live view: the window's model, what it says about now, and — only when something
 * asks for it (the page does; the terminal and JSON lines do not) — its analysis, as any report has.
 */
public final class LiveView {

    private final Model model;
    private final LiveState state;
    private final long windowMillis;
    private Analysis analysis; // guarded by this

    /** @param windowMillis how much time the window holds (shortened while the events would not fit) */
    public LiveView(Model model, LiveState state, long windowMillis) {
        this.model = model;
        this.state = state;
        this.windowMillis = windowMillis;
    }

    public Model model() {
        return model;
    }

    public LiveState state() {
        return state;
    }

    public long windowMillis() {
        return windowMillis;
    }

    /** The window analysed, computed on first use. */
    public synchronized Analysis analysis() {
        if (analysis == null) {
            analysis = Analyser.analyse(model);
        }
        return analysis;
    }
}
