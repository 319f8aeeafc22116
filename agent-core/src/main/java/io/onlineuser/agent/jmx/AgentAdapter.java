package io.onlineuser.agent.jmx;

import io.onlineuser.agent.status.AgentView;
import io.onlineuser.agent.status.HookState;
import io.onlineuser.agent.track.ListeningPort;
import java.util.List;
import java.util.Map;

/** AgentMBean over the agent's own view of itself; rows are copies made on each read. */
final class AgentAdapter implements AgentMBean {

    private final AgentView view;

    AgentAdapter(AgentView view) {
        this.view = view;
    }

    @Override
    public String getVersion() {
        return view.version();
    }

    @Override
    public Map<String, String> getOptions() {
        return view.options();
    }

    @Override
    public ListenerRow[] getListeners() {
        List<ListeningPort> listeners = view.listeners();
        ListenerRow[] rows = new ListenerRow[listeners.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new ListenerValue(listeners.get(i));
        }
        return rows;
    }

    @Override
    public HookRow[] getHooks() {
        List<HookState> hooks = view.hooks();
        HookRow[] rows = new HookRow[hooks.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new HookValue(hooks.get(i));
        }
        return rows;
    }

    @Override
    public String getJolokiaUrl() {
        String url = view.jolokiaUrl();
        return url == null ? "" : url;
    }

    private static final class ListenerValue implements ListenerRow {
        private final String address;
        private final String serverChannelClass;
        private final String transport;
        private final String path;
        private final boolean counted;
        private final int openConnections;
        private final long acceptedTotal;

        ListenerValue(ListeningPort listener) {
            address = listener.address();
            serverChannelClass = listener.serverChannelClass();
            transport = listener.transport();
            path = listener.path();
            counted = listener.counted();
            openConnections = listener.openConnections();
            acceptedTotal = listener.acceptedTotal();
        }

        @Override
        public String getAddress() {
            return address;
        }

        @Override
        public String getServerChannelClass() {
            return serverChannelClass;
        }

        @Override
        public String getTransport() {
            return transport;
        }

        @Override
        public String getPath() {
            return path;
        }

        @Override
        public boolean isCounted() {
            return counted;
        }

        @Override
        public int getOpenConnections() {
            return openConnections;
        }

        @Override
        public long getAcceptedTotal() {
            return acceptedTotal;
        }
    }

    private static final class HookValue implements HookRow {
        private final HookState hook;

        HookValue(HookState hook) {
            this.hook = hook;
        }

        @Override
        public String getRole() {
            return hook.role();
        }

        @Override
        public String getSpec() {
            return hook.spec();
        }

        @Override
        public String getState() {
            return hook.state();
        }

        @Override
        public int getMatchedMethods() {
            return hook.matchedMethods();
        }

        @Override
        public long getCalls() {
            return hook.calls();
        }

        @Override
        public String getLastError() {
            return hook.lastError() == null ? "" : hook.lastError();
        }
    }
}
