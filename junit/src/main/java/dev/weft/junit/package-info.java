/**
 * Concurrency in CI: {@link dev.weft.junit.WeftExtension} records a piece of test code with Weft
 * ({@link dev.weft.junit.WeftRecorder#run}) and {@link dev.weft.junit.WeftAssertions} asserts on its
 * speed-up, its waits and the threads it left running, each failure naming the report to open.
 */
package dev.weft.junit;
