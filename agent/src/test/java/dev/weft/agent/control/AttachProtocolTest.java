package dev.weft.agent.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttachProtocolTest {

    @TempDir
    Path dir;

    @Test
    void aRequestCarriesActionOptionsAndAReplyPathWithCommas() {
        Path reply = dir.resolve("a,b weft.control=stop").resolve("reply");
        AttachProtocol.Request start = AttachProtocol.parse(
                AttachProtocol.request(AttachProtocol.Action.START, "out=/x,stacks=true", reply));
        assertEquals(AttachProtocol.Action.START, start.action());
        assertEquals("out=/x,stacks=true", start.options());
        assertEquals(reply, start.reply());

        AttachProtocol.Request stop = AttachProtocol.parse(AttachProtocol.request(AttachProtocol.Action.STOP, "", reply));
        assertEquals(AttachProtocol.Action.STOP, stop.action());
        AttachProtocol.Request snapshot = AttachProtocol.parse(
                AttachProtocol.request(AttachProtocol.Action.SNAPSHOT, "", reply));
        assertEquals(AttachProtocol.Action.SNAPSHOT, snapshot.action());
        assertEquals(reply.resolveSibling("snapshot.jfr"), AttachProtocol.snapshotOf(snapshot.reply()));
        assertEquals("", stop.options());
        assertEquals(reply, stop.reply());
    }

    @Test
    void plainAgentOptionsAreNoRequest() {
        assertNull(AttachProtocol.parse(null));
        assertNull(AttachProtocol.parse(""));
        assertNull(AttachProtocol.parse("out=weft-out,report=none"));
        assertNull(AttachProtocol.parse("out=my.weft.reply=x"));
    }

    @Test
    void theReplyAppearsWholeWithTheReasonLast() throws Exception {
        Path reply = dir.resolve("reply");
        assertNull(AttachProtocol.readReply(reply), "no answer yet");
        AttachProtocol.writeReply(reply, false, List.of("first", "cannot write to /x\n(read-only)"));
        AttachProtocol.Reply r = AttachProtocol.readReply(reply);
        assertFalse(r.ok());
        assertEquals(List.of("first", "cannot write to /x (read-only)"), r.lines());
        assertEquals("cannot write to /x (read-only)", r.reason());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(reply), files.toList(), "nothing beside the reply");
        }

        AttachProtocol.writeReply(reply, true, List.of());
        assertTrue(AttachProtocol.readReply(reply).ok());
    }

    @Test
    void aRelativeOutDirectoryBecomesTheJvmsOwnAbsolutePath() {
        assertEquals("out=" + Path.of("weft-out").toAbsolutePath(), AgentControl.withAbsoluteOut(""));
        assertEquals("stacks=true,out=rel,out=" + Path.of("rel").toAbsolutePath(),
                AgentControl.withAbsoluteOut("stacks=true,out=rel"), "the last out= wins");
        assertEquals("out=/abs", AgentControl.withAbsoluteOut("out=/abs"));
    }
}
