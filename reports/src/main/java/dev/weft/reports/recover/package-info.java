/**
 * What is left of a recording whose JVM was killed: Weft's marker of the session, and the chunks
 * JFR had flushed to the JVM's disk repository, which {@code reports.jar} renders in place of the
 * empty {@code .jfr}.
 */
package dev.weft.reports.recover;
