/**
 * The boot bridge: the JFR event classes and the recorder helpers that advice inlined into {@code java.*}
 * calls. The only Weft code on the bootstrap class path; no lambdas, no string concatenation, no locks.
 */
package dev.weft.boot;
