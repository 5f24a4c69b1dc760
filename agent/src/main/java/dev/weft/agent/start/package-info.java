/** Where the agent starts: {@code premain}/{@code agentmain} hand over at once to the starter, which never lets a failure reach the application. */
package dev.weft.agent.start;
