package dev.weft.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.InProcessCli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line in-process: usage errors, help, and what is decided before anything is attached. */
class AgentCliTest {

    /** What a command line printed: {@code outText} exactly, {@code out()} and {@code err()} by line. */
    record Run(int code, String outText, String errText) {
        List<String> out() {
            return outText.lines().toList();
        }

        List<String> err() {
            return errText.lines().toList();
        }
    }

    static Run run(String... args) {
        InProcessCli.Output o = InProcessCli.run(AgentCli::run, args);
        return new Run(o.code(), o.out(), o.err());
    }

    private static void assertUsage(String expectedStart, String... args) {
        Run r = run(args);
        assertEquals(2, r.code(), r.toString());
        assertEquals(2, r.err().size(), r.toString());
        assertTrue(r.err().get(0).startsWith("[weft] " + expectedStart), r.toString());
        assertTrue(r.err().get(1).startsWith("usage: java -jar agent.jar"), r.toString());
        assertEquals(List.of(), r.out());
    }

    @Test
    void wrongCommandLinesExitTwoWithTheReasonAndTheUsage() {
        assertUsage("missing the command");
        assertUsage("unknown command 'attack'", "attack", "1");
        assertUsage("missing the pid", "attach");
        assertUsage("missing the pid", "stop");
        assertUsage("'abc' is not a process id", "attach", "abc");
        assertUsage("'-5' is not a process id", "stop", "-5");
        assertUsage("stop takes only the pid", "stop", "1", "out=x");
        assertUsage("list takes no arguments", "list", "1");
        assertUsage("unknown option 'colour'", "attach", "1", "colour=blue");
        assertUsage("option 'report' takes html or none", "attach", "1", "out=x,report=pdf");
        assertUsage("workload filter entry 'bad..filter'", "attach", "1", "workload=bad..filter");
        assertUsage("'help' is not an option here", "attach", "1", "help");
        assertUsage("missing the pid", "snapshot");
        assertUsage("snapshot takes the pid and -o <file.html>", "snapshot", "1", "x.html");
        assertUsage("the report's name must end in .html", "snapshot", "1", "-o", "x.jfr");
    }

    @Test
    void helpGoesToStdoutWithExitZero() {
        Run main = run("--help");
        assertEquals(0, main.code());
        assertTrue(main.out().stream().anyMatch(l -> l.contains("java -jar agent.jar stop <pid>")), main.toString());
        assertTrue(main.out().stream().anyMatch(l -> l.startsWith("Exit codes: 0 done, 1")), main.toString());
        Run attach = run("attach", "--help");
        assertEquals(0, attach.code());
        assertTrue(attach.out().stream().anyMatch(l -> l.contains("workload=FILTER")), "the agent's options: " + attach);
        assertEquals(run("help", "attach").out(), attach.out());
        assertEquals(List.of(), attach.err());
    }

    @Test
    void aPidWithoutProcessFailsInOneLine() {
        Run r = run("stop", "999999999");
        assertEquals(1, r.code());
        assertEquals(List.of("[weft] no process with pid 999999999"), r.err());
    }

    @Test
    void thisCommandsOwnProcessIsNoTarget() {
        Run r = run("attach", Long.toString(ProcessHandle.current().pid()));
        assertEquals(1, r.code());
        assertEquals(List.of("[weft] " + ProcessHandle.current().pid() + " is this command's own process"), r.err());
    }

    @Test
    void optionsReachTheAgentCommaJoinedWithOutMadeAbsoluteHere() throws Exception {
        String options = new AttachCommand().agentOptions(List.of("out=rel", "stacks=true,workload=com.example.Foo::bar"));
        assertEquals("out=" + Path.of("rel").toAbsolutePath() + ",stacks=true,workload=com.example.Foo::bar", options);
        assertEquals("", new AttachCommand().agentOptions(List.of()));
    }

    @Test
    void theMainClassOfAJavaCommandLine() {
        assertEquals("com.example.Main", JavaProcesses.mainOf(new String[] {"-Xmx1g", "-cp", "a.jar:b", "com.example.Main", "x"}));
        assertEquals("app.jar", JavaProcesses.mainOf(new String[] {"-javaagent:w.jar=out=x", "-jar", "app.jar", "arg"}));
        assertEquals("mod/com.example.Main", JavaProcesses.mainOf(new String[] {"-p", "mods", "-m", "mod/com.example.Main"}));
        assertEquals("mod", JavaProcesses.mainOf(new String[] {"--module=mod"}));
        assertEquals("?", JavaProcesses.mainOf(new String[] {"-version"}));
    }

    @Test
    void javaFeatureVersions() {
        assertEquals(8, TargetJvm.feature("1.8"));
        assertEquals(17, TargetJvm.feature("17"));
        assertEquals(25, TargetJvm.feature("25"));
        assertEquals(-1, TargetJvm.feature(""));
    }
}
