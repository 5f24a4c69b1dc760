package dev.weft.reports.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a child process with a bounded wait: its output goes to a file, so it can never block on a full pipe. */
public final class Forked {

    private Forked() {
    }

    /** Runs {@code command}; throws when it fails, or when it has not ended after {@code seconds} (then it is killed). */
    public static String run(List<String> command, Path log, long seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("no end after " + seconds + " s: " + String.join(" ", command));
        }
        String output = Files.readString(log);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + output);
        }
        return output;
    }
}
