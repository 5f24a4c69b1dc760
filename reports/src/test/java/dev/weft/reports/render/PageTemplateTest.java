package dev.weft.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The build hashes each page's script and style once; the written pages' policy must allow exactly those. */
class PageTemplateTest {

    @ParameterizedTest
    @EnumSource(ViewerPage.class)
    void thePolicyAllowsThePagesOwnScriptAndStyleByTheirHashes(ViewerPage page) {
        String text = page.text();
        String script = PageTemplate.sha256(PageTemplate.only(page.name(), text, "<script>", "</script>"));
        String style = PageTemplate.sha256(PageTemplate.only(page.name(), text, "<style>", "</style>"));
        assertEquals("default-src 'none'; script-src 'sha256-" + script + "'; style-src 'sha256-" + style
                + "'; base-uri 'none'; form-action 'none'", page.policy());
    }
}
