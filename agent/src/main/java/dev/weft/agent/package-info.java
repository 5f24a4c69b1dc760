/**
 * The Weft agent, arranged by its own pipeline. Read the packages in this order:
 * <ol>
 *   <li>{@code start} — {@code premain}/{@code agentmain} (tiny), then the starter: options, boot bridge,
 *       recording, weaving, exit hook; every failure is one line and the application runs on;</li>
 *   <li>{@code weave} — what is instrumented and how: the JDK's wait calls, the workload filter, the
 *       transformer and its cache; {@code weave.advice} holds the advice templates (never on the boot path);</li>
 *   <li>{@code record} — the agent's own JFR recording and its settings;</li>
 *   <li>{@code control} — a recording's session, and attach/stop from another process;</li>
 *   <li>{@code exit} — when (after JFR closed the recording) and what (the HTML, the summary line) is written at exit;</li>
 *   <li>{@code cli} — the external {@code java -jar agent.jar attach|stop|list} command.</li>
 * </ol>
 * This package holds the vocabulary every room shares: options, health counters, the console, the version.
 * The boot bridge ({@code dev.weft.boot}) is the only code on the bootstrap class path.
 */
package dev.weft.agent;
