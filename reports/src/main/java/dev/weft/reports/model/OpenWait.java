package dev.weft.reports.model;

/**
 * What the latest wait sample ({@code weft.WaitInProgress}) said of a thread it saw blocked: the sample's
 * number, since when (epoch nanoseconds, {@code Long.MIN_VALUE} when unknown) and on what. Held only by the
 * threads a sample saw, not by every thread.
 */
record OpenWait(long sample, long since, String kind, String api, String blockerClass, int blockerId, long target) {
}
