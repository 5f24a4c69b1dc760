/** A running recording's session, and the protocol by which another process attaches, stops or lists Weft. */
package dev.weft.agent.control;
