package dev.weft.reports.render;

/**
 * The Content-Security-Policy of a page Weft serves or writes: its one inline script and its one
 * style element allowed by their hashes, nothing else from anywhere; {@code connect} adds what the
 * page may fetch (the live page polls its own server, {@code 'self'}).
 */
public final class PagePolicy {

    private PagePolicy() {
    }

    /** The policy for the page {@code html}; {@code connect} is a {@code connect-src} source or null. */
    public static String of(String html, String connect) {
        String script = PageTemplate.only("the live page", html, "<script>", "</script>");
        String style = PageTemplate.only("the live page", html, "<style>", "</style>");
        return "default-src 'none'; script-src 'sha256-" + PageTemplate.sha256(script) + "'; style-src 'sha256-"
                + PageTemplate.sha256(style) + "'" + (connect == null ? "" : "; connect-src " + connect)
                + "; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }
}
