package io.onlineuser.agent.startup;

import io.onlineuser.agent.OnlineUserAgent;
import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.instrument.HookCallCounts;
import io.onlineuser.agent.instrument.hook.HookStatus;
import io.onlineuser.agent.status.AgentView;
import io.onlineuser.agent.status.HookState;
import io.onlineuser.agent.track.ListeningPort;
import io.onlineuser.agent.track.ListeningPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What this agent says about itself in its Agent MBean, read from the parts that do the work. */
final class AgentSelf implements AgentView {

    private final AgentOptions options;
    private final ListeningPorts listeners;
    private final List<HookStatus> hooks;
    private final HookCallCounts hookCalls;
    private volatile String jolokiaUrl;

    AgentSelf(AgentOptions options, ListeningPorts listeners, List<HookStatus> hooks, HookCallCounts hookCalls) {
        this.options = options;
        this.listeners = listeners;
        this.hooks = hooks;
        this.hookCalls = hookCalls;
    }

    @Override
    public String version() {
        String version = OnlineUserAgent.class.getPackage().getImplementationVersion();
        return version == null ? "unknown (not run from the agent jar)" : version;
    }

    @Override
    public Map<String, String> options() {
        return options.asMap();
    }

    @Override
    public List<ListeningPort> listeners() {
        return listeners.all();
    }

    @Override
    public List<HookState> hooks() {
        List<HookState> states = new ArrayList<>(hooks.size());
        for (int id = 0; id < hooks.size(); id++) {
            states.add(hooks.get(id).state(hookCalls.calls(id)));
        }
        return states;
    }

    @Override
    public String jolokiaUrl() {
        return jolokiaUrl;
    }

    void jolokiaListens(String url) {
        jolokiaUrl = url;
    }
}
