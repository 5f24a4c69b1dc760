/**
 * Advice templates: tiny static methods that Byte Buddy inlines into the JDK and the application.
 * They only call the boot bridge ({@code dev.weft.boot}); the templates themselves stay in the agent jar.
 */
package dev.weft.agent.weave.advice;
