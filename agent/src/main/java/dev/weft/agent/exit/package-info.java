/** What happens when the JVM exits: the hook that waits for JFR to close the recording, then the report and its summary line. */
package dev.weft.agent.exit;
