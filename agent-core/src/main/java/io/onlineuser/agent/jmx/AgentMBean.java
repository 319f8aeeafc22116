package io.onlineuser.agent.jmx;

import java.util.Map;
import javax.management.MXBean;

/** {@code onlineuser:type=Agent,serverId=…}: what the agent is doing and why (DESIGN.md, Additions). Read-only. */
@MXBean
public interface AgentMBean {

    @Description("Version of the onlineuser agent jar")
    String getVersion();

    @Description("Agent options in force (defaults included, secrets masked)")
    Map<String, String> getOptions();

    @Description("Every Netty listener the agent has seen: address, serverChannelClass, counted (netty.ports),"
            + " openConnections, acceptedTotal")
    ListenerRow[] getListeners();

    @Description("Every configured hook: role, spec, state (waiting, installed, failed), matchedMethods, calls,"
            + " lastError")
    HookRow[] getHooks();

    @Description("URL of the agent's Jolokia endpoint; empty while it does not listen")
    String getJolokiaUrl();
}
