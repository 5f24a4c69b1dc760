package dev.weft.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.docs.GeneratedDocs;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/attach.md holds {@code java -jar agent.jar --help} and each command's {@code --help} as the
 * command prints them (the live commands' in docs/live.md); a block per command, so a new one cannot
 * go undocumented. When this fails, regenerate the blocks: {@code mvn -pl reports,agent -am test
 * -Dtest=AgentCliDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dweft.fix.docs=true}.
 */
class AgentCliDocsTest {

    static final String DOC = "docs/attach.md";
    /** The commands that follow a JVM live are documented with the live view. */
    static final Set<String> LIVE = Set.of("snapshot", "watch");

    @Test
    void theMainHelpIsTheCommandsHelp() {
        GeneratedDocs.check(DOC, "agent-cli", GeneratedDocs.textBlock(help("--help")));
    }

    @Test
    void eachCommandsHelpIsItsHelp() {
        for (CliCommand c : AgentCli.COMMANDS) {
            String doc = LIVE.contains(c.name) ? "docs/live.md" : DOC;
            GeneratedDocs.check(doc, "help-" + c.name, GeneratedDocs.textBlock(help(c.name, "--help")));
        }
    }

    private static String help(String... args) {
        AgentCliTest.Run r = AgentCliTest.run(args);
        assertEquals(0, r.code(), r.errText());
        return r.outText();
    }
}
