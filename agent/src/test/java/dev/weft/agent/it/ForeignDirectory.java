package dev.weft.agent.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

/** A directory that belongs to another user, made or found the way this test's user can. */
final class ForeignDirectory {

    private ForeignDirectory() { }

    /**
     * As root: a new directory under {@code scratch} given to "nobody" (mode 0700: nothing else
     * wrong with it). Otherwise: the Java runtime's own directory or the file system root, when
     * another user owns it. Fails under CI when neither works; elsewhere skips, saying so.
     */
    static Path find(Path scratch) throws IOException {
        UserPrincipal me = scratch.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (me.getName().equals("root")) {
            Path dir = Files.createDirectory(scratch.resolve("foreign"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setOwner(dir, scratch.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            return dir;
        }
        for (Path candidate : new Path[] {Path.of(System.getProperty("java.home")).toRealPath(), Path.of("/")}) {
            if (Files.isDirectory(candidate) && !Files.getOwner(candidate).equals(me)) {
                return candidate;
            }
        }
        String why = "no directory of another user found for " + me.getName();
        if ("true".equals(System.getenv("CI"))) {
            fail(why);
        }
        System.err.println("SKIPPED: foreign-owned cache directory test: " + why);
        assumeTrue(false, why);
        return null;
    }
}
