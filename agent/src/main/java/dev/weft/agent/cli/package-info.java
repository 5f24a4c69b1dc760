/** The external command {@code java -jar agent.jar attach|stop|list}: finds a JVM, loads the agent into it and relays its lines. */
package dev.weft.agent.cli;
