package dev.weft.agent.weave;

import net.bytebuddy.asm.Advice;

/** Lets tests in other packages weave with the agent's own exception handler. */
public final class InstallerAccess {

    private InstallerAccess() { }

    public static Advice.ExceptionHandler countingHandler() throws NoSuchMethodException {
        return Installer.countingHandler();
    }
}
