package dev.weft.agent.it;

import dev.weft.testkit.ChildProcess;
import dev.weft.testkit.Jdk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar agent.jar …} run as its own process, as a user types it; bounded like every child. */
final class AgentCliRun {

    private AgentCliRun() { }

    static ChildProcess.Result run(String... args) throws Exception {
        return run(ForkedJvm.AGENT_JAR, List.of(), args);
    }

    static ChildProcess.Result run(Path agentJar, List<String> jvmArgs, String... args) throws Exception {
        return run(ForkedJvm.TEST_JDK, agentJar, jvmArgs, args);
    }

    static ChildProcess.Result run(Jdk jdk, Path agentJar, List<String> jvmArgs, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(agentJar.toString());
        cmd.addAll(List.of(args));
        return ChildProcess.run(cmd, Path.of(".").toAbsolutePath());
    }
}
