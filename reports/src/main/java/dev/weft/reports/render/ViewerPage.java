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

    /** The template as it is (no data), for tests and tools. */
    public String text() {
        return template().text();
    }

    /** The Content-Security-Policy of the written pages. */
    public String policy() {
        return template().policy();
    }
}
