package io.onlineuser.agent.status;

import io.onlineuser.agent.track.ListeningPort;
import java.util.List;
import java.util.Map;

/**
 * What the agent says about itself (the Agent MBean's source): filled by the agent's wiring, read
 * by the MXBean on every request, so each method is cheap and never throws.
 */
public interface AgentView {

    /** The agent jar's version. */
    String version();

    /** Options in force, secrets masked. */
    Map<String, String> options();

    /** Every listener seen, counted or not, with its own counts. */
    List<ListeningPort> listeners();

    /** Every configured hook. */
    List<HookState> hooks();

    /** Jolokia's URL once it listens, else null. */
    String jolokiaUrl();
}
