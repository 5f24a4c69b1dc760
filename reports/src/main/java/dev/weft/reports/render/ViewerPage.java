package dev.weft.reports.render;

/** The viewer's offline pages, each written from its template resource next to this class ({@link PageTemplate}). */
public enum ViewerPage {
    /** The HTML timeline, written by {@link HtmlRenderer}. */
    TIMELINE(HtmlRenderer.TEMPLATE),
    /** The diff of two recordings, written by {@link DiffRenderer}. */
    DIFF(DiffRenderer.TEMPLATE);

    private final String resource;

    ViewerPage(String resource) {
        this.resource = resource;
    }

    PageTemplate template() {
        return PageTemplate.of(resource);
    }

    /**
     * Reads the template on a daemon thread, for a caller that is about to wait for something else (a report's
     * main thread waits while the recording is read): the page then starts at once. A template that cannot be
     * read fails later again, where it is used.
     */
    public void readAhead() {
        Thread reader = new Thread(() -> {
            try {
                template();
            } catch (RuntimeException | Error e) {
                // met again where the page is written, and reported there (out of memory: retried there)
            }
        }, "weft-template");
        reader.setDaemon(true);
        reader.start();
    }

    /** The template as it is (no data), for tests and tools. */
    public String text() {
        return template().text();
    }

    /** The Content-Security-Policy of the written pages. */
    public String policy() {
        return template().policy();
    }
}
