package dev.weft.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.docs.GeneratedDocs;
import org.junit.jupiter.api.Test;

/**
 * docs/attach.md holds {@code java -jar agent.jar --help} and each command's {@code --help} as the
 * command prints them; a block per command, so a new one cannot
 * go undocumented. When this fails, regenerate the blocks: {@code mvn -pl reports,agent -am test
 * -Dtest=AgentCliDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dweft.fix.docs=true}.
 */
class AgentCliDocsTest {

    static final String DOC = "docs/attach.md";

    @Test
    void theMainHelpIsTheCommandsHelp() {
        GeneratedDocs.check(DOC, "agent-cli", GeneratedDocs.textBlock(help("--help")));
    }

    @Test
    void eachCommandsHelpIsItsHelp() {
        for (CliCommand c : AgentCli.COMMANDS) {
            GeneratedDocs.check(DOC, "help-" + c.name(), GeneratedDocs.textBlock(help(c.name(), "--help")));
        }
    }

    private static String help(String... args) {
        AgentCliTest.Run r = AgentCliTest.run(args);
        assertEquals(0, r.code(), r.errText());
        return r.outText();
    }
}
