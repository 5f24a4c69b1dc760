/** What the agent instruments and how: the JDK's wait calls, the application's workload methods, the transformer and its weaving cache. */
package dev.weft.agent.weave;
