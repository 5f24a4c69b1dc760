package dev.weft.agent.weave;

import dev.weft.agent.Console;
import dev.weft.boot.AgentThread;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Opens the weaving cache on a thread of its own while the main thread starts the recording.
 * Opening costs tens of milliseconds that do not depend on the recording — the user's name, the
 * directories' owners and modes, the secret, and above all the first use of the JDK's SHA-256
 * (its security providers initialise) — and JFR's start leaves the machine's other core mostly
 * idle. Nothing is woven before {@link #await} returns, so the cache itself is never used by two
 * threads at once before it is complete.
 */
public final class WeavingCacheOpener {

    /** Far beyond what opening takes; only a hung file system would reach it. */
    private static final long WAIT_SECONDS = 10;

    private final FutureTask<WeavingCache> opening;
    private final boolean sayWhy;

    private WeavingCacheOpener(FutureTask<WeavingCache> opening, boolean sayWhy) {
        this.opening = opening;
        this.sayWhy = sayWhy;
    }

    /** Starts opening the cache as {@link WeavingCache#open} does; a thread that cannot start opens it here. */
    public static WeavingCacheOpener start(Path root, Supplier<String> buildId, String filter, boolean sayWhy) {
        FutureTask<WeavingCache> opening = new FutureTask<>(() -> WeavingCache.open(root, buildId.get(), filter, sayWhy));
        try {
            Thread t = AgentThread.create(opening, "weft-cache-open");
            t.setDaemon(true);
            t.start();
        } catch (Throwable cannotStart) {
            opening.run();
        }
        return new WeavingCacheOpener(opening, sayWhy);
    }

    /** The cache, or null when it cannot be used (said as {@link WeavingCache#open} says it). */
    public WeavingCache await() {
        try {
            return opening.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            opening.cancel(true);
            say("weaving cache not used: opening it took more than " + WAIT_SECONDS + " s");
        } catch (ExecutionException e) {
            say("weaving cache not used: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void say(String line) {
        if (sayWhy) {
            Console.line(line);
        }
    }
}
