package io.onlineuser.collector.fake;

import java.util.Map;

/** The slice of the agent's Agent MXBean (DESIGN.md additions) the collector reads: its options in force. */
public interface AgentMXBean {
    Map<String, String> getOptions();
}
