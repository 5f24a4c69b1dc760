/** The agent's own JFR recording: its destination, its event settings and the periodic status event. */
package dev.weft.agent.record;
