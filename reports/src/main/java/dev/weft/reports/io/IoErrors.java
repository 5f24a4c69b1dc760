package dev.weft.reports.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.io.IOException;

/** Short reasons for I/O failures, for one-line error messages ("cannot write x: permission denied"). */
public final class IoErrors {

    private IoErrors() {
    }

    /** Why {@code e} happened, in a few words: no stack, no exception class unless nothing better is known. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
