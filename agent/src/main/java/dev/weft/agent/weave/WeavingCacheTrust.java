package dev.weft.agent.weave;

import dev.weft.reports.io.AtomicFile;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rule the weaving cache lives by, after OpenSSH's StrictModes: trust only what only the
 * current user can write. Whatever is read from the cache ends up inside {@code java.base}, so a
 * directory or file that another user could have written or replaced is never used.
 *
 * <p>Directories are created {@code 0700} and files {@code 0600}; existing ones are accepted when
 * they belong to the current user and neither group nor others may write them. Where the file
 * system has no POSIX permissions there is no cache: an ACL check that could be trusted as far is
 * not worth its weight here.
 */
final class WeavingCacheTrust {

    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_DIR =
            PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
            PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));

    /** Why a place cannot hold the cache; the message is shown to the user as it is. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private final UserPrincipal user;

    private WeavingCacheTrust(UserPrincipal user) {
        this.user = user;
    }

    /** The rule for the current user of this JVM on the file system of {@code place}. */
    static WeavingCacheTrust forCurrentUser(Path place) throws Refused {
        if (!place.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            throw new Refused("this file system has no POSIX permissions to keep other users out");
        }
        String name = System.getProperty("user.name", "");
        try {
            return new WeavingCacheTrust(place.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(name));
        } catch (IOException | UnsupportedOperationException e) {
            throw new Refused("the current user '" + name + "' is unknown to the system (" + e.getMessage() + ")");
        }
    }

    /**
     * {@code dir}, created {@code 0700} if missing, as a real path; refused unless it is a directory
     * of the current user that group and others cannot write.
     */
    Path privateDirectory(Path dir) throws Refused {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createDirectory(dir, PRIVATE_DIR);
                } catch (FileAlreadyExistsException raced) {
                    // another JVM made it at the same moment: checked below like any other
                }
            }
            Path real = dir.toRealPath();
            PosixFileAttributes a = attributes(real);
            if (!a.isDirectory()) {
                throw new Refused(real + " is not a directory");
            }
            String why = untrusted(a);
            if (why != null) {
                throw new Refused(real + " " + why);
            }
            return real;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw new Refused("cannot use " + dir + ": " + e);
        }
    }

    /** Null when {@code a} belongs to the current user and nobody else may write it, else why not. */
    String untrusted(PosixFileAttributes a) {
        if (!user.equals(a.owner())) {
            return "belongs to " + a.owner().getName() + ", not to " + user.getName();
        }
        boolean group = a.permissions().contains(PosixFilePermission.GROUP_WRITE);
        boolean others = a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
        if (!group && !others) {
            return null;
        }
        return "is writable by " + (group && others ? "its group and all users" : group ? "its group" : "all users")
                + " (" + PosixFilePermissions.toString(a.permissions()) + ")";
    }

    /** Whether {@code a} is a regular file (not a link) of the current user that nobody else may write. */
    boolean trustedFile(PosixFileAttributes a) {
        return a.isRegularFile() && untrusted(a) == null;
    }

    /** Whether nobody but the owner may even read {@code a}: the rule for the secret. */
    static boolean ownerOnly(PosixFileAttributes a) {
        for (PosixFilePermission p : a.permissions()) {
            if (!p.name().startsWith("OWNER_")) {
                return false;
            }
        }
        return true;
    }

    static PosixFileAttributes attributes(Path p) throws IOException {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
    }

    /** Writes {@code content} to {@code target}, whole or not at all, as a {@code 0600} file from its first byte. */
    static void writePrivateFile(Path target, byte[] content) throws IOException {
        AtomicFile.write(target, content, PRIVATE_FILE);
    }
}
